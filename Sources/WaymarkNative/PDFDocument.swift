internal import CPangoCairo

/// A PDF being written in memory, page by page, through cairo's PDF surface: text as embedded
/// subset fonts, shapes as vectors.
///
/// ```swift
/// let document = try PDFDocument(metadata: PDFMetadata(title: "Stops", date: 1_795_000_000), language: "en")
/// try document.page(width: 249, height: 173) { canvas in
///     canvas.fill(PDFRect(x: 0, y: 0, width: 249, height: 20), colour: .black)
/// }
/// let bytes = try document.finish()
/// ```
public final class PDFDocument {
    private let surface: OpaquePointer
    private let canvas: PDFCanvas
    private let sink: ByteSink
    private var boxes: [PDFPageBoxes?] = []
    private var finished = false

    /// Starts an empty document; text is shaped for `language` (BCP 47, e.g. the site's `lang`).
    public init(metadata: PDFMetadata, language: String) throws(PDFError) {
        sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        // The size is replaced by the first page's.
        surface = cairo_pdf_surface_create_for_stream(writeBytes, closure, 595, 842)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw .cairo(String(cString: cairo_status_to_string(status)))
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, metadata.creator)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, metadata.isoDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, metadata.isoDate)
        do {
            canvas = try PDFCanvas(surface: surface, language: language)
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
    }

    deinit { cairo_surface_destroy(surface) }

    /// Adds a page of `width` × `height` points and draws it; `boxes` become its TrimBox and
    /// BleedBox (for print shops), in the page's top-left coordinates.
    public func page(width: Double, height: Double, boxes: PDFPageBoxes? = nil, _ draw: (PDFCanvas) throws -> Void) throws {
        guard width > 0, height > 0, width <= 14_400, height <= 14_400 else {
            throw PDFError.invalidSize("page of \(width) × \(height) pt")
        }
        // Must come before anything is drawn on the page.
        cairo_pdf_surface_set_size(surface, width, height)
        try draw(canvas)
        cairo_show_page(canvas.context)
        try canvas.check()
        self.boxes.append(boxes.map { flip($0, pageHeight: height) })
    }

    /// Pages added so far.
    public var pageCount: Int { boxes.count }

    /// Ends the document and returns the PDF file's bytes.
    public func finish() throws(PDFError) -> [UInt8] {
        guard !finished else { throw .unexpectedStructure("finish() called twice") }
        finished = true
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(String(cString: cairo_status_to_string(status))) }
        guard boxes.contains(where: { $0 != nil }) else { return sink.bytes }
        return try PDFBoxInserter(pdf: sink.bytes).inserting(boxes)
    }
}

private extension PDFDocument {
    /// PDF boxes are measured from the bottom-left corner.
    func flip(_ boxes: PDFPageBoxes, pageHeight: Double) -> PDFPageBoxes {
        func flip(_ r: PDFRect) -> PDFRect { PDFRect(x: r.x, y: pageHeight - r.maxY, width: r.width, height: r.height) }
        return PDFPageBoxes(trim: flip(boxes.trim), bleed: flip(boxes.bleed))
    }
}

/// Collects what cairo writes.
private final class ByteSink {
    var bytes: [UInt8] = []
}

/// cairo's write callback: appends to the `ByteSink` passed as its closure.
private func writeBytes(_ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}
