/// The `?a=1&b=2` part of a request target, decoded strictly: repeated names are refused, since
/// two different values for `token` leave no right answer.
struct QueryString {
    enum Failure: Error, Equatable {
        case encoding(PercentDecoding.Failure)
        case repeatedName(String)
    }

    private(set) var values: [String: String] = [:]

    init(_ query: Substring) throws(Failure) {
        for pair in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0])
            let value = try parts.count > 1 ? Self.decode(parts[1]) : ""

            guard values.updateValue(value, forKey: name) == nil else { throw .repeatedName(name) }
        }
    }

    subscript(name: String) -> String? { values[name] }

    private static func decode(_ bytes: Substring.UTF8View.SubSequence) throws(Failure) -> String {
        switch PercentDecoding.decode(bytes, plusAsSpace: true) {
        case let .success(text): return text
        case let .failure(failure): throw .encoding(failure)
        }
    }
}
