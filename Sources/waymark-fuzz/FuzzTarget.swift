import Foundation
import WaymarkSite

/// libFuzzer's entry point: `make fuzz` builds this target with `-sanitize=fuzzer,address`.
@_cdecl("LLVMFuzzerTestOneInput")
public func waymarkFuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzHarness.run(Data(bytes: bytes, count: count))
    return 0
}

#if FUZZING
/// libFuzzer's driver, started from the entry point SwiftPM links this executable with.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("waymark_fuzz_main")
public func waymarkFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, waymarkFuzzTestOneInput)
}
#else
/// Without the fuzzer (a normal build), replays the files named on the command line through the
/// same harness: how a crasher is reproduced under a debugger.
@main
struct FuzzReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            FuzzHarness.run(data)
            print("ok \(path)")
        }
    }
}
#endif
