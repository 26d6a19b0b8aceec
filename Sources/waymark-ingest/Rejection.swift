import NIOHTTP1

/// Why a request was refused: its HTTP status and the `reason` label in `/metrics`.
enum Rejection: String, CaseIterable, Sendable, Error {
    case malformedRequest = "malformed_request"
    case uriTooLong = "uri_too_long"
    case headersTooLarge = "headers_too_large"
    case bodyTooLarge = "body_too_large"
    /// A `Transfer-Encoding` (chunked) body: beacons are always sent with a `Content-Length`.
    case lengthRequired = "length_required"
    /// A request still incomplete `IngestConnectionHandler.requestTime` after its first byte.
    case requestTimeout = "request_timeout"
    /// Past `RequestLimits.maximumConnections`: closed at once, unanswered.
    case tooManyConnections = "too_many_connections"
    case methodNotAllowed = "method_not_allowed"
    case notFound = "not_found"
    case badEncoding = "bad_encoding"
    case badHost = "bad_host"
    case unknownHost = "unknown_host"
    case unknownToken = "unknown_token"
    case wrongSite = "wrong_site"
    case retiredToken = "retired_token"
    case missingOrigin = "missing_origin"
    case badOrigin = "bad_origin"
    case siteMismatch = "site_mismatch"
    case badBody = "bad_body"
    case badQuery = "bad_query"
    case rateLimited = "rate_limited"
    case storageUnavailable = "storage_unavailable"

    var status: HTTPResponseStatus {
        switch self {
        case .malformedRequest, .badEncoding, .badHost, .badBody, .badQuery: return .badRequest
        case .uriTooLong: return .uriTooLong
        case .headersTooLarge: return .requestHeaderFieldsTooLarge
        case .bodyTooLarge: return .payloadTooLarge
        case .lengthRequired: return .lengthRequired
        case .requestTimeout: return .requestTimeout
        case .tooManyConnections: return .serviceUnavailable
        case .methodNotAllowed: return .methodNotAllowed
        case .notFound, .unknownHost, .unknownToken, .wrongSite: return .notFound
        case .retiredToken: return .gone
        case .missingOrigin, .badOrigin, .siteMismatch: return .forbidden
        case .rateLimited: return .tooManyRequests
        case .storageUnavailable: return .serviceUnavailable
        }
    }
}
