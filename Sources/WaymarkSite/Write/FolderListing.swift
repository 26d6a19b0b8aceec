/// What the output walk found in one folder, and the folder's stamp when it was listed.
///
/// Creating, removing or renaming an entry changes a folder's modification time, so while the
/// stamp is the same the folder holds the same entries and the next walk need not list it again:
/// on ext4, listing the 40,000 folders of a 20,000-page site's output was most of the walk
/// that a rebuild waits for. Only the files' own stamps are read again.
struct FolderListing: Sendable, Equatable {
    var stamp: FileStamp
    /// Names of the entries that are regular files.
    var files: [String]
    /// Names of the entries that are folders.
    var folders: [String]
}
