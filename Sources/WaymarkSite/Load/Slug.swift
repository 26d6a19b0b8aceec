/// URL-safe names taken from file and folder names.
enum Slug {
    static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && !slug.hasPrefix("-") && !slug.hasSuffix("-")
            && slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    /// Names a plain page cannot take: the folders the build itself writes.
    static let reservedForPages: Set<String> = ["t", "trails", "pets", "assets", "404", "sitemap.xml", "robots.txt"]
}
