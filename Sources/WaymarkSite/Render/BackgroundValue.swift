import Dispatch

/// A value worked out on another thread while the caller goes on; `value` waits for it.
///
/// A build takes the inventory of its previous output this way, while it loads the content.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the worker before `done` is signalled, read only after waiting for it.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The value, once the work is done (waits the first time; the semaphore is signalled again
    /// for the next reader).
    var value: Value {
        done.wait()
        defer { done.signal() }
        return result!
    }
}
