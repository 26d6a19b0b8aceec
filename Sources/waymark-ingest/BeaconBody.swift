/// The JSON a redirect page sends with `navigator.sendBeacon`: `{"site":…,"token":…,"ref":…}`.
///
/// Parsed by a small strict reader rather than `JSONDecoder`: the body must be valid UTF-8 and one
/// flat JSON object of string, null, number or boolean members, without duplicate names; anything
/// else is refused. Unknown members are ignored so newer pages keep working.
struct BeaconBody: Equatable {
    enum Failure: Error, Equatable {
        case invalidUTF8
        case malformedJSON
        case duplicateMember(String)
        case missingMember(String)
        case wrongType(String)
    }

    var site: String
    var token: String
    var ref: String?

    init(site: String, token: String, ref: String?) {
        self.site = site
        self.token = token
        self.ref = ref
    }

    init(_ bytes: [UInt8]) throws(Failure) {
        // ASCII is valid UTF-8 as it stands; only a body with other bytes needs the full check.
        guard bytes.allSatisfy({ $0 < 0x80 }) || String(validating: bytes, as: UTF8.self) != nil else { throw .invalidUTF8 }
        var reader = FlatJSONObjectReader(bytes: bytes)
        let members = try reader.read()
        guard case let .string(site)? = members["site"] else {
            throw members["site"] == nil ? .missingMember("site") : .wrongType("site")
        }
        guard case let .string(token)? = members["token"] else {
            throw members["token"] == nil ? .missingMember("token") : .wrongType("token")
        }
        switch members["ref"] {
        case nil, .null?: ref = nil
        case let .string(value)?: ref = value
        default: throw .wrongType("ref")
        }
        self.site = site
        self.token = token
    }
}

/// The value of one member of a flat JSON object.
enum FlatJSONValue: Equatable {
    case string(String)
    case null
    case other
}
