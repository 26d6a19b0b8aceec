import Dispatch

/// Work spread over every core, results in input order: output stays deterministic however the
/// work was scheduled.
enum Parallel {
    /// `transform` runs concurrently and must only read shared state; each result slot is written
    /// by exactly one iteration, which is what makes the unchecked captures below safe.
    static func map<Input, Output>(_ inputs: [Input], _ transform: (Input) -> Output) -> [Output] {
        guard inputs.count > 1 else { return inputs.map(transform) }
        var results = [Output?](repeating: nil, count: inputs.count)
        withoutActuallyEscaping(transform) { transform in
            results.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                nonisolated(unsafe) let work = transform
                nonisolated(unsafe) let items = inputs
                DispatchQueue.concurrentPerform(iterations: items.count) { index in
                    slots[index] = work(items[index])
                }
            }
        }
        return results.map { $0! }
    }

    /// `items` cut into slices of `size`, so small items are handed out in batches.
    static func slices<Item>(_ items: [Item], size: Int) -> [ArraySlice<Item>] {
        stride(from: 0, to: items.count, by: max(1, size)).map { items[$0..<min(items.count, $0 + max(1, size))] }
    }

    /// Empties `values` here and frees what they held on another thread, off the caller's path
    /// (when nothing else still holds them).
    static func release<Element>(_ values: inout [Element]) {
        let held = Held(values)
        values = []
        DispatchQueue.global().async { held.values = [] }
    }
}

/// What `Parallel.release` frees: only its worker touches it once handed over.
private final class Held<Element>: @unchecked Sendable {
    var values: [Element]
    init(_ values: [Element]) { self.values = values }
}
