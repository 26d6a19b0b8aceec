#ifndef WAYMARK_CPANGOCAIRO_SHIM_H
#define WAYMARK_CPANGOCAIRO_SHIM_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdlib.h>
#include <string.h>

/*
 * What Swift cannot call directly: GObject cast macros, and the fontconfig set-up done once
 * per font map. Everything returns plain pointers or status codes.
 */

/// Releases any GObject (Pango layouts, contexts, font maps) given as an opaque pointer.
static inline void waymark_object_unref(void *object) {
    if (object != NULL) g_object_unref(object);
}

/*
 * A Pango font map over a private fontconfig configuration: the system configuration plus the
 * rules in `extra_xml` (a complete <fontconfig> document). A private configuration, rather than
 * FONTCONFIG_FILE, because environment variables only take effect before fontconfig's first use
 * in the process and would change every other caller's fonts too.
 * Returns NULL when fontconfig cannot load the configuration.
 */
static inline PangoFontMap *waymark_font_map_new(const char *extra_xml) {
    FcConfig *config = FcConfigCreate();
    if (config == NULL) return NULL;
    /* NULL: the default configuration file (fonts.conf and everything it includes). */
    if (!FcConfigParseAndLoad(config, NULL, FcTrue) ||
        (extra_xml != NULL && !FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)extra_xml, FcTrue)) ||
        !FcConfigBuildFonts(config)) {
        FcConfigDestroy(config);
        return NULL;
    }
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (map == NULL) {
        FcConfigDestroy(config);
        return NULL;
    }
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    /* The font map holds its own reference now. */
    FcConfigDestroy(config);
    return map;
}

/// A Pango context for `map` whose metrics do not depend on the output device: text laid out
/// for the PDF and for the PNG preview then breaks at the same places.
static inline PangoContext *waymark_context_new(PangoFontMap *map, const char *language) {
    PangoContext *context = pango_font_map_create_context(map);
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context, FALSE);
    if (language != NULL) pango_context_set_language(context, pango_language_from_string(language));
    return context;
}

/// The family of the font Pango used for the first run of each line, joined by '\n' into
/// `buffer` (for tests that check fallback fonts). Returns the bytes written.
static inline size_t waymark_layout_font_files(PangoLayout *layout, char *buffer, size_t capacity) {
    size_t used = 0;
    if (capacity == 0) return 0;
    buffer[0] = 0;
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
        if (run == NULL) continue;
        PangoFontDescription *description = pango_font_describe(run->item->analysis.font);
        const char *family = pango_font_description_get_family(description);
        size_t length = family ? strlen(family) : 0;
        if (used + length + 2 < capacity) {
            memcpy(buffer + used, family, length);
            used += length;
            buffer[used++] = '\n';
            buffer[used] = 0;
        }
        pango_font_description_free(description);
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
    return used;
}

#endif
