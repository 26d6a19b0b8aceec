#ifndef WAYMARK_CPNG_SHIM_H
#define WAYMARK_CPNG_SHIM_H

#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * libpng reports errors by longjmp, which Swift cannot survive: the setjmp and
 * every libpng call of an encode live in the C functions below, and Swift only
 * sees a status code, a message and malloc'd bytes it copies and frees.
 */

/// Status of waymark_png_encode / waymark_png_read_rgba.
enum {
    WAYMARK_PNG_OK = 0,
    WAYMARK_PNG_ERROR_ARGUMENT = 1,
    WAYMARK_PNG_ERROR_MEMORY = 2,
    WAYMARK_PNG_ERROR_LIBPNG = 3
};

/// Where the write callback collects the encoded file.
typedef struct {
    unsigned char *bytes;
    size_t count;
    size_t capacity;
    int out_of_memory;
    char *message;
    size_t message_capacity;
} waymark_png_sink;

static inline void waymark_png_copy_message(waymark_png_sink *sink, const char *text) {
    if (sink == NULL || sink->message == NULL || sink->message_capacity == 0) return;
    strncpy(sink->message, text ? text : "unknown libpng error", sink->message_capacity - 1);
    sink->message[sink->message_capacity - 1] = '\0';
}

static inline void waymark_png_on_error(png_structp png, png_const_charp text) {
    waymark_png_copy_message((waymark_png_sink *)png_get_error_ptr(png), text);
    png_longjmp(png, 1);
}

/* Warnings (e.g. about chunk order) never concern a file we build ourselves. */
static inline void waymark_png_on_warning(png_structp png, png_const_charp text) {
    (void)png; (void)text;
}

static inline void waymark_png_on_write(png_structp png, png_bytep data, size_t length) {
    waymark_png_sink *sink = (waymark_png_sink *)png_get_io_ptr(png);
    if (sink->count + length > sink->capacity) {
        size_t capacity = sink->capacity ? sink->capacity : 4096;
        while (capacity < sink->count + length) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(sink->bytes, capacity);
        if (grown == NULL) {
            sink->out_of_memory = 1;
            png_error(png, "out of memory while writing PNG");
        }
        sink->bytes = grown;
        sink->capacity = capacity;
    }
    memcpy(sink->bytes + sink->count, data, length);
    sink->count += length;
}

static inline void waymark_png_on_flush(png_structp png) { (void)png; }

/**
 * Encodes packed rows (each `row_bytes` long, `height` of them) as a PNG in memory.
 * `color_type` is a PNG_COLOR_TYPE_*; `palette_rgb` holds `palette_count` RGB triples
 * for PNG_COLOR_TYPE_PALETTE. On success `*out` is malloc'd (free with waymark_png_free).
 *
 * `blocky` is for images made of flat rectangles whose rows repeat (QR codes): a repeat lies
 * one row back, so an 8 KiB window and a small hash find it, and the deflate state (about
 * 50 KiB instead of 256 KiB) stays below malloc's mmap threshold: no fresh pages per image.
 */
static inline int waymark_png_encode(const unsigned char *rows, size_t row_bytes,
                                     uint32_t width, uint32_t height,
                                     int bit_depth, int color_type,
                                     const unsigned char *palette_rgb, int palette_count,
                                     int compression_level, int blocky,
                                     unsigned char **out, size_t *out_count,
                                     char *message, size_t message_capacity) {
    if (rows == NULL || out == NULL || out_count == NULL || width == 0 || height == 0)
        return WAYMARK_PNG_ERROR_ARGUMENT;
    *out = NULL;
    *out_count = 0;

    /* volatile: these are read after a longjmp back into this frame. */
    waymark_png_sink sink = { NULL, 0, 0, 0, message, message_capacity };
    waymark_png_sink *volatile sink_ptr = &sink;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink,
                                              waymark_png_on_error, waymark_png_on_warning);
    if (png == NULL) return WAYMARK_PNG_ERROR_MEMORY;
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        return WAYMARK_PNG_ERROR_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        int status = sink_ptr->out_of_memory ? WAYMARK_PNG_ERROR_MEMORY : WAYMARK_PNG_ERROR_LIBPNG;
        free(sink_ptr->bytes);
        png_destroy_write_struct(&png, &info);
        return status;
    }

    png_set_write_fn(png, &sink, waymark_png_on_write, waymark_png_on_flush);
    png_set_compression_level(png, compression_level);
    if (blocky) {
        png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
        png_set_compression_window_bits(png, 13);
        png_set_compression_mem_level(png, 6);
    }
    png_set_IHDR(png, info, width, height, bit_depth, color_type,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (color_type == PNG_COLOR_TYPE_PALETTE) {
        png_color colors[256];
        if (palette_rgb == NULL || palette_count < 1 || palette_count > 256)
            png_error(png, "a palette image needs 1 to 256 colours");
        for (int i = 0; i < palette_count; i++) {
            colors[i].red = palette_rgb[3 * i];
            colors[i].green = palette_rgb[3 * i + 1];
            colors[i].blue = palette_rgb[3 * i + 2];
        }
        png_set_PLTE(png, info, colors, palette_count);
    }
    png_write_info(png, info);
    for (uint32_t y = 0; y < height; y++)
        png_write_row(png, (png_const_bytep)(rows + (size_t)y * row_bytes));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);

    *out = sink.bytes;
    *out_count = sink.count;
    return WAYMARK_PNG_OK;
}

/**
 * Reads a PNG file (or, when `path` is NULL, `count` bytes at `bytes`) as 8-bit RGBA
 * through libpng's simplified API, which does its own setjmp. On success `*out` is
 * malloc'd, `width * height * 4` bytes (free with waymark_png_free).
 */
static inline int waymark_png_read_rgba(const char *path, const unsigned char *bytes, size_t count,
                                        unsigned char **out, uint32_t *width, uint32_t *height,
                                        char *message, size_t message_capacity) {
    if (out == NULL || width == NULL || height == NULL || (path == NULL && bytes == NULL))
        return WAYMARK_PNG_ERROR_ARGUMENT;
    *out = NULL;
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    int began = path ? png_image_begin_read_from_file(&image, path)
                     : png_image_begin_read_from_memory(&image, bytes, count);
    if (!began) {
        waymark_png_sink sink = { NULL, 0, 0, 0, message, message_capacity };
        waymark_png_copy_message(&sink, image.message);
        png_image_free(&image);
        return WAYMARK_PNG_ERROR_LIBPNG;
    }
    image.format = PNG_FORMAT_RGBA;
    size_t size = PNG_IMAGE_SIZE(image);
    unsigned char *buffer = (unsigned char *)malloc(size);
    if (buffer == NULL) {
        png_image_free(&image);
        return WAYMARK_PNG_ERROR_MEMORY;
    }
    if (!png_image_finish_read(&image, NULL, buffer, 0, NULL)) {
        waymark_png_sink sink = { NULL, 0, 0, 0, message, message_capacity };
        waymark_png_copy_message(&sink, image.message);
        free(buffer);
        png_image_free(&image);
        return WAYMARK_PNG_ERROR_LIBPNG;
    }
    *width = image.width;
    *height = image.height;
    *out = buffer;
    return WAYMARK_PNG_OK;
}

/// Frees bytes handed out by waymark_png_encode / waymark_png_read_rgba.
static inline void waymark_png_free(unsigned char *bytes) { free(bytes); }

#endif
