/// How the payload's characters were packed into the symbol.
public enum QREncodingMode: String, Sendable {
    /// The whole payload in alphanumeric mode: 5.5 bits a character, upper case only.
    case alphanumeric
    /// The whole payload as bytes (UTF-8): 8 bits a character.
    case byte
    /// libqrencode's own segmentation (numeric, alphanumeric and byte segments as it sees fit),
    /// kept only when it needs a smaller version than a single mode, e.g. for long digit runs.
    case mixed

    /// The 45 characters of the QR alphanumeric set: `0-9A-Z $%*+-./:`.
    static let alphanumericCharacters: Set<UInt8> = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// Whether every byte of `payload` is in the alphanumeric set.
    static func fitsAlphanumeric<Bytes: Sequence>(_ payload: Bytes) -> Bool where Bytes.Element == UInt8 {
        payload.allSatisfy(alphanumericCharacters.contains)
    }
}
