import Foundation
import Testing
import WaymarkCore
import WaymarkNative
import WaymarkTestSupport

/// Builds the example content with the real binary and checks the output by parsing it.
@Suite(.serialized) struct ExampleSiteTests {
    let project: String
    let manifest: Manifest

    init() throws {
        project = try WaymarkBinary.exampleProject()
        let run = try WaymarkBinary.run(["build", "--root", project])
        try #require(run.status == 0, "build failed: \(run.stderr)")
        manifest = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: "\(project)/site/_manifest.json")))
    }

    func file(_ site: SiteID, _ sitePath: String) -> String {
        let prefix = manifest.sites[site.rawValue].flatMap { URL(string: $0.baseURL)?.path } ?? ""
        var path = sitePath
        if !prefix.isEmpty, path.hasPrefix(prefix) { path.removeFirst(prefix.count) }
        return "\(project)/site/\(site)\(path)\(path.hasSuffix("/") ? "index.html" : "")"
    }

    @Test func everyTokenRedirectsToAPageOfItsOwnSite() throws {
        #expect(manifest.tokens.count == 18)
        for (token, entry) in manifest.tokens {
            let html = try String(contentsOfFile: "\(project)/site/\(entry.site)/t/\(token)/index.html", encoding: .utf8)
            let page = try #require(HTMLDocument(html))
            let link = try #require(page.strings("//a[@id='target']/@href").first)
            let refresh = try #require(page.strings("//meta[@http-equiv='refresh']/@content").first)
            #expect(refresh == "0; url=\(link)")
            #expect(page.strings("//link[@rel='canonical']/@href") == [entry.target])
            #expect(entry.target.hasSuffix(link), "\(token): the link and the manifest disagree")
            #expect(FileManager.default.fileExists(atPath: file(entry.site, link)), "\(token) points at a missing page \(link)")
            #expect(page.strings("//meta[@name='robots']").isEmpty, "redirect pages must not be noindex")
            #expect(entry.target.hasPrefix(manifest.sites[entry.site.rawValue]!.baseURL))
        }
    }

    @Test func noPublicFileListsAPetOrAToken() throws {
        for site in manifest.sites.keys {
            let files = WaymarkBinary.snapshot("\(project)/site/\(site)")
            let petTokens = manifest.tokens.filter { $0.value.kind == .pet }.map(\.key)
            for (path, data) in files where !path.hasPrefix("t/") && !path.hasPrefix("pets/") && path != "_redirects" && path != "_headers" {
                let text = String(decoding: data, as: UTF8.self)
                #expect(!text.contains("/pets/"), "\(site)/\(path) links to a pet page")
                for token in petTokens { #expect(!text.contains(token), "\(site)/\(path) lists pet token \(token)") }
                if path.hasSuffix(".html") {
                    let links = HTMLDocument(text)?.strings("//a/@href") ?? []
                    #expect(!links.contains { $0.contains("/t/") }, "\(site)/\(path) links to a token page")
                }
            }
            let sitemap = try String(contentsOfFile: "\(project)/site/\(site)/sitemap.xml", encoding: .utf8)
            #expect(!sitemap.contains("/pets/") && !sitemap.contains("/t/"))
        }
    }

    @Test func everyInternalLinkResolvesInsideItsSite() throws {
        for (site, info) in manifest.sites {
            let id = SiteID(site)!
            let prefix = URL(string: info.baseURL)?.path ?? ""
            for (path, data) in WaymarkBinary.snapshot("\(project)/site/\(site)") where path.hasSuffix(".html") {
                let page = try #require(HTMLDocument(String(decoding: data, as: UTF8.self)))
                for link in page.strings("//a/@href | //link/@href") where link.hasPrefix("/") {
                    let target = String(link.split(separator: "#", maxSplits: 1)[0])
                    #expect(target.hasPrefix(prefix + "/"), "\(site)/\(path): \(link) leaves the site")
                    #expect(FileManager.default.fileExists(atPath: file(id, target)), "\(site)/\(path): broken link \(link)")
                }
            }
        }
    }

    @Test func aSecondBuildIsByteIdentical() throws {
        let first = WaymarkBinary.snapshot("\(project)/site")
        let run = try WaymarkBinary.run(["build", "--root", project, "--output", "\(project)/site2"])
        #expect(run.status == 0)
        let second = WaymarkBinary.snapshot("\(project)/site2")
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs between builds") }
    }

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let before = WaymarkBinary.snapshot("\(project)/site")
        let stop = "\(project)/content/hollowcreek/trails/millrace-heritage-walk/02-weir.md"
        let original = try String(contentsOfFile: stop, encoding: .utf8)
        defer { try? original.write(toFile: stop, atomically: true, encoding: .utf8) }
        try original.replacingOccurrences(of: "lat: ", with: "lat: north").write(toFile: stop, atomically: true, encoding: .utf8)
        let run = try WaymarkBinary.run(["build", "--root", project])
        #expect(run.status != 0)
        #expect(run.stderr.contains("content/hollowcreek/trails/millrace-heritage-walk/02-weir.md:4:6: error: 'lat' must be a number"))
        #expect(WaymarkBinary.snapshot("\(project)/site") == before)
    }
}
