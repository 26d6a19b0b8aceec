/* The library's limit: libqrencode + a minimal SVG string + libpng to memory, per token.
 * Same payloads, level M, 4-module quiet zone, 8 px per module, 1-bit greyscale PNG. */
#include <qrencode.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { unsigned char *bytes; size_t count, capacity; } sink;

static void on_write(png_structp png, png_bytep data, size_t length) {
    sink *s = png_get_io_ptr(png);
    if (s->count + length > s->capacity) {
        while (s->count + length > s->capacity) s->capacity = s->capacity ? s->capacity * 2 : 4096;
        s->bytes = realloc(s->bytes, s->capacity);
    }
    memcpy(s->bytes + s->count, data, length);
    s->count += length;
}
static void on_flush(png_structp png) { (void)png; }

static size_t svg(const QRcode *q, int margin, char *out, size_t cap) {
    int side = q->width + 2 * margin;
    size_t n = snprintf(out, cap, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
        "height=\"%d\" shape-rendering=\"crispEdges\">\n<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n"
        "<path fill=\"#000000\" d=\"", side, side, side * 8, side * 8, side, side);
    for (int y = 0; y < q->width; y++)
        for (int x = 0; x < q->width;) {
            if (!(q->data[y * q->width + x] & 1)) { x++; continue; }
            int start = x;
            while (x < q->width && (q->data[y * q->width + x] & 1)) x++;
            n += snprintf(out + n, cap - n, "M%d %dh%dv1h-%dz", start + margin, y + margin, x - start, x - start);
        }
    n += snprintf(out + n, cap - n, "\"/>\n</svg>\n");
    return n;
}

static size_t png(const QRcode *q, int margin, int scale, sink *s) {
    int width = (q->width + 2 * margin) * scale;
    size_t row_bytes = (width + 7) / 8;
    unsigned char *row = malloc(row_bytes);
    png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(p);
    if (setjmp(png_jmpbuf(p))) { png_destroy_write_struct(&p, &info); free(row); return 0; }
    s->count = 0;
    png_set_write_fn(p, s, on_write, on_flush);
    png_set_IHDR(p, info, width, width, 1, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(p, info);
    for (int my = 0; my < q->width + 2 * margin; my++) {
        memset(row, 0xFF, row_bytes);
        int y = my - margin;
        if (y >= 0 && y < q->width)
            for (int x = 0; x < q->width; x++)
                if (q->data[y * q->width + x] & 1)
                    for (int px = (x + margin) * scale; px < (x + margin + 1) * scale; px++)
                        row[px >> 3] &= ~(0x80 >> (px & 7));
        for (int k = 0; k < scale; k++) png_write_row(p, row);
    }
    png_write_end(p, info);
    png_destroy_write_struct(&p, &info);
    free(row);
    return s->count;
}

int main(int argc, char **argv) {
    int count = argc > 1 ? atoi(argv[1]) : 10000;
    const char *alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    unsigned int state = 12345;
    char (*payloads)[64] = malloc(sizeof *payloads * count);
    for (int i = 0; i < count; i++) {
        char token[7];
        for (int k = 0; k < 6; k++) { state = state * 1103515245u + 12345u; token[k] = alphabet[(state >> 16) & 31]; }
        token[6] = 0;
        snprintf(payloads[i], 64, "https://hc.example/t/%s/", token);
    }
    static char out[1 << 16];
    sink s = { 0 };
    size_t bytes = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < count; i++) {
        QRcode *q = QRcode_encodeString(payloads[i], 0, QR_ECLEVEL_M, QR_MODE_8, 1);
        if (!q) { perror("QRcode_encodeString"); return 1; }
        bytes += svg(q, 4, out, sizeof out);
        bytes += png(q, 4, 8, &s);
        QRcode_free(q);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("c codes=%d seconds=%f per_second=%f bytes=%zu\n", count, seconds, count / seconds, bytes);
    free(s.bytes);
    free(payloads);
    return 0;
}
