/// URL-safe names taken from file and folder names.
enum Slug {
    static func isValid(_ slug: String) -> Bool {
        // On bytes: `a-z`, `0-9` and `-` are ASCII, so any other byte (a non-ASCII character's
        // included) fails. Asking each Character for its Unicode properties was a fortieth of loading.
        !slug.isEmpty && !slug.hasPrefix("-") && !slug.hasSuffix("-")
            && slug.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }
    }

    /// Names a plain page cannot take: the folders the build itself writes.
    static let reservedForPages: Set<String> = ["t", "trails", "pets", "assets", "404", "sitemap.xml", "robots.txt"]
}
