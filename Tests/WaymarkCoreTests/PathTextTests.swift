import Testing
import WaymarkCore

/// Parent and name of a path, including the one-component paths Foundation traps on.
@Suite struct PathTextTests {
    @Test(arguments: [
        ("a/b/c", "a/b", "c"), ("a/b/c/", "a/b", "c"), ("public", "", "public"), ("/a", "/", "a"),
        ("/", "/", ""), ("a//b", "a", "b"), ("", "", ""), ("./site", ".", "site"),
    ])
    func parentAndName(path: String, parent: String, name: String) {
        #expect(PathText.parent(of: path) == parent)
        #expect(PathText.name(of: path) == name)
    }

    @Test func joinTreatsAnEmptyFolderAsTheWorkingFolder() {
        #expect(PathText.join("", "x") == "x")
        #expect(PathText.join("/", "x") == "/x")
        #expect(PathText.join("a/b", "x") == "a/b/x")
    }
}
