internal import CQRencode
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension QRMatrix {
    /// Encodes `payload` (as UTF-8) in the smallest version that fits at `errorCorrection`.
    ///
    /// libqrencode's own segmentation is one candidate; the whole payload in alphanumeric mode
    /// (when it fits `0-9A-Z $%*+-./:`) or in byte mode is the other. The smaller version wins,
    /// and on a tie the single-mode symbol, which every decoder handles the same way.
    public init(encoding payload: String, errorCorrection: QRErrorCorrection = .medium) throws(QRError) {
        let bytes = Array(payload.utf8)
        guard !bytes.isEmpty else { throw .emptyPayload }
        let whole: QREncodingMode = QREncodingMode.fitsAlphanumeric(bytes) ? .alphanumeric : .byte
        var best = Self.encode(bytes, as: whole, errorCorrection)
        // QRcode_encodeString stops at a NUL byte, so only NUL-free payloads may be split; and
        // the split is tried only if it could need a smaller version at all.
        let wholeVersion = (try? best.get())?.version ?? Int.max
        if !bytes.contains(0), QRSegmentBound.mightFit(bytes, below: wholeVersion, level: errorCorrection),
           case let .success(split) = Self.encode(bytes, as: .mixed, errorCorrection), split.version < wholeVersion {
            best = .success(split)
        }
        self = try best.get()
    }
}

extension QRMatrix {
    /// One encode; every C pointer is freed before this returns.
    static func encode(_ bytes: [UInt8], as mode: QREncodingMode, _ level: QRErrorCorrection) -> Result<QRMatrix, QRError> {
        errno = 0
        let code: UnsafeMutablePointer<QRcode>?
        switch mode {
        case .mixed:
            // Hint QR_MODE_8 keeps libqrencode from reading Shift-JIS; casesensitive = 1 keeps
            // it from upper-casing the payload.
            code = (bytes + [0]).withUnsafeBufferPointer { text in
                text.withMemoryRebound(to: CChar.self) { QRcode_encodeString($0.baseAddress, 0, level.cLevel, QR_MODE_8, 1) }
            }
        case .alphanumeric, .byte:
            guard let input = QRinput_new2(0, level.cLevel) else { return .failure(failure(bytes, level)) }
            defer { QRinput_free(input) }
            let appended = bytes.withUnsafeBufferPointer {
                QRinput_append(input, mode == .alphanumeric ? QR_MODE_AN : QR_MODE_8, Int32($0.count), $0.baseAddress)
            }
            guard appended == 0 else { return .failure(failure(bytes, level)) }
            code = QRcode_encodeInput(input)
        }
        guard let code else { return .failure(failure(bytes, level)) }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        let data = UnsafeBufferPointer(start: code.pointee.data, count: size * size)
        // Bit 0 is the module colour; the other bits describe its role.
        let modules = data.map { $0 & 1 == 1 }
        return .success(QRMatrix(size: size, version: Int(code.pointee.version), errorCorrection: level,
                                 mode: mode, modules: modules))
    }

    static func failure(_ bytes: [UInt8], _ level: QRErrorCorrection) -> QRError {
        switch errno {
        case ERANGE: return .payloadTooLong(bytes: bytes.count, level: level)
        case ENOMEM: return .encoderFailed("out of memory")
        default: return .encoderFailed(String(cString: strerror(errno)))
        }
    }
}

private extension QRErrorCorrection {
    var cLevel: QRecLevel {
        switch self {
        case .low: QR_ECLEVEL_L
        case .medium: QR_ECLEVEL_M
        case .quartile: QR_ECLEVEL_Q
        case .high: QR_ECLEVEL_H
        }
    }
}
