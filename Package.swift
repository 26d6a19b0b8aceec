// swift-tools-version:6.0
import PackageDescription

/// Waymark: Markdown + YAML front matter → static sites for QR-code trails and pet profiles.
///
/// The C libraries are wrapped by system-library targets (module map + shim, no Swift) and used
/// only by `WaymarkNative`, whose small owning types keep every C pointer inside.
let package = Package(
    name: "Waymark",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "waymark", targets: ["waymark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // BEGIN report dependencies
        // (none: SQLite is the system library, Mustache is already a dependency above)
        // END report dependencies
        // BEGIN ingest dependencies
        // waymark-ingest: plain SwiftNIO (NIOHTTP1), not Hummingbird — a third of the binary and build time.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // END ingest dependencies
    ],
    targets: [
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Linux's getdents64 system call, which glibc declares only under _GNU_SOURCE: no library.
        .systemLibrary(name: "CDirents"),

        .target(name: "WaymarkNative", dependencies: ["CCmarkGFM", "CQRencode", "CPNG", "CXML2", "CPangoCairo", "CDirents"]),
        .target(name: "WaymarkCore"),
        .target(
            name: "WaymarkSite",
            dependencies: [
                "WaymarkCore", "WaymarkNative",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // `Templates` is a link to the top-level templates/ folder: the defaults are compiled
            // into the binary, so `waymark` works anywhere without a templates/ folder beside it.
            // `Scaffold` holds the example project packed by `make scaffold`, for `waymark init`.
            resources: [.embedInCode("Templates"), .embedInCode("Scaffold")]
        ),
        .executableTarget(
            name: "waymark",
            dependencies: [
                "WaymarkCore", "WaymarkNative", "WaymarkSite", "WaymarkPreview", "WaymarkReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc in place of glibc's malloc: a build makes millions of small strings on every
            // core, and glibc's allocator took a fifth of a 20,000-page build's CPU (bench/build).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),

        // The content loader under libFuzzer (`make fuzz`); a plain build replays inputs instead.
        .executableTarget(name: "waymark-fuzz", dependencies: ["WaymarkSite"]),

        // BEGIN preview targets
        // `waymark serve`: an in-memory preview server (NIOHTTP1, loopback only), a content watcher
        // (inotify, polling fallback) and live reload; linked into `waymark` only.
        .target(
            name: "WaymarkPreview",
            dependencies: [
                "WaymarkCore", "WaymarkSite",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // Router, rules and watchers in-process; the real `waymark serve` end to end.
        .testTarget(name: "WaymarkPreviewTests", dependencies: ["WaymarkPreview", "WaymarkSite", "WaymarkCore", "WaymarkTestSupport"]),
        // END preview targets
        // BEGIN report targets
        // SQLite from the system (apt libsqlite3-dev): the rollup database of `waymark report`.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // Logs → rollups (SQLite, incremental) → per-site reports. Apart from WaymarkScans so that
        // waymark-ingest links neither SQLite nor Mustache.
        .target(
            name: "WaymarkReport",
            dependencies: ["WaymarkCore", "WaymarkScans", "CSQLite", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.embedInCode("Templates")]
        ),
        .testTarget(name: "WaymarkReportTests", dependencies: ["WaymarkReport", "WaymarkScans", "WaymarkCore", "WaymarkTestSupport"],
                    exclude: ["Fixtures"]),
        // END report targets
        // BEGIN ingest targets
        // The scan-log vocabulary shared by waymark-ingest (writes) and `waymark report` (reads).
        .target(name: "WaymarkScans", dependencies: ["WaymarkCore"]),
        .executableTarget(
            name: "waymark-ingest",
            dependencies: [
                "WaymarkCore", "WaymarkScans",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "WaymarkScansTests", dependencies: ["WaymarkScans", "WaymarkCore"]),
        // Starts the real waymark-ingest binary (built beside the tests) and talks HTTP to it.
        .testTarget(name: "WaymarkIngestTests", dependencies: ["WaymarkScans", "WaymarkCore", "WaymarkTestSupport"]),
        // END ingest targets
        // BEGIN print targets
        // cairo + pango (+ fontconfig, through pangoft2) for PDF card sheets; used by WaymarkNative only.
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        // END print targets
        // BEGIN qr-bench targets
        // QR encode + SVG + PNG throughput, run by bench/qr/run.sh; not part of the product.
        .executableTarget(name: "waymark-bench-qr", dependencies: ["WaymarkNative"]),
        // END qr-bench targets

        // Helpers the test targets share: the real decoders and checkers, and the built binaries.
        .target(name: "WaymarkTestSupport", dependencies: ["WaymarkNative"], path: "Tests/WaymarkTestSupport"),
        .testTarget(name: "WaymarkCoreTests", dependencies: ["WaymarkCore"]),
        .testTarget(name: "WaymarkNativeTests", dependencies: ["WaymarkNative", "WaymarkTestSupport"]),
        .testTarget(name: "WaymarkSiteTests", dependencies: ["WaymarkSite", "WaymarkCore", "WaymarkNative"], exclude: ["Fixtures"]),
        .testTarget(name: "waymarkTests", dependencies: ["WaymarkCore", "WaymarkNative", "WaymarkTestSupport"]),
    ]
)
