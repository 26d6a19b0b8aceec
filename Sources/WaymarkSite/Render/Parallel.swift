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

    /// `first` and `second` at once, on two cores; like `map`, each must only read shared state.
    static func both<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
        var results: (First?, Second?) = (nil, nil)
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                withUnsafeMutablePointer(to: &results) { slots in
                    // Each iteration writes its own half of the pair, and only once.
                    nonisolated(unsafe) let slots = slots
                    nonisolated(unsafe) let work = (first, second)
                    DispatchQueue.concurrentPerform(iterations: 2) { index in
                        if index == 0 { slots.pointee.0 = work.0() } else { slots.pointee.1 = work.1() }
                    }
                }
            }
        }
        return (results.0!, results.1!)
    }

    /// `items` cut into slices of `size`, so small items are handed out in batches.
    static func slices<Item>(_ items: [Item], size: Int) -> [ArraySlice<Item>] {
        stride(from: 0, to: items.count, by: max(1, size)).map { items[$0..<min(items.count, $0 + max(1, size))] }
    }
}
