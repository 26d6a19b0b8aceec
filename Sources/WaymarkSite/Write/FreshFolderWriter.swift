import Foundation

/// Writes new folder trees on every core, giving each folder to one thread at a time.
///
/// The kernel changes a folder under its inode lock: two threads creating entries in one folder
/// take turns, and on ext4 the waiting one spins (`rwsem_spin_on_owner` was up to 16% of a first
/// build's samples on disk when every core created files anywhere; writing folder by folder cut
/// the build's system time by a sixth). So the work is cut by folder:
/// a task creates one folder's subfolders and files, after which its subfolders' tasks are ready,
/// and the ready task with the most entries below it goes first, so the folder of 40,000 QR codes
/// starts at once and the pages are written beside it.
struct FreshFolderWriter {
    /// A tree to write into `folder`, which exists and is empty, and later becomes `target`
    /// (which errors name); `path` is where it lands below the output folder.
    struct Job {
        var tree: OutputTree
        var folder: String
        var path: String
        var target: String
    }

    /// Writes every job's files; returns each file's stamp by its path below the output folder
    /// (`path` of its job, then its path in the tree). On an error, what was written stays for
    /// the caller to remove, and the first error is thrown.
    static func write(_ jobs: [Job]) throws -> [(String, FileStamp)] {
        guard !jobs.isEmpty else { return [] }
        // Each job's tasks are found on a core of their own, then numbered one after another.
        var tasks: [Task] = []
        var roots: [Int] = []
        for found in Parallel.map(jobs, { job in Result { try Self.tasks(for: job) } }) {
            let offset = tasks.count
            roots.append(offset)
            for var task in try found.get() {
                task.subtasks = task.subtasks.map { $0 + offset }
                tasks.append(task)
            }
        }
        let queue = TaskQueue(tasks: tasks, ready: roots)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, tasks.count)
        let done = Parallel.map(Array(0..<workers)) { _ in queue.work() }
        if let failure = queue.failure { throw failure }
        return done.flatMap { $0 }
    }

    /// One folder (its path on disk) and its direct entries: subfolder names and files (by name,
    /// with their paths below the output folder), and how many entries lie below it, to order by.
    fileprivate struct Task {
        var folder: String
        var folders: [String] = []
        var files: [(name: String, path: String, bytes: [UInt8])] = []
        var subtasks: [Int] = []
        var weight = 0
    }

    /// The tasks of one job, a task per folder, the root's first; throws when a path of the tree
    /// would be both a file and a folder.
    private static func tasks(for job: Job) throws -> [Task] {
        var tasks = [Task(folder: job.folder)]
        var index: [Substring: Int] = ["": 0]
        func task(for folder: Substring) throws -> Int {
            if let existing = index[folder] { return existing }
            if job.tree.files[String(folder)] != nil { throw OutputError.conflict("\(job.target)/\(folder)") }
            let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/"))
            let parent = try task(for: slash.map { folder[..<$0] } ?? "")
            let name = String(slash.map { folder[folder.utf8.index(after: $0)...] } ?? folder)
            let created = tasks.count
            index[folder] = created
            tasks.append(Task(folder: tasks[parent].folder + "/" + name))
            tasks[parent].folders.append(name)
            tasks[parent].subtasks.append(created)
            return created
        }
        for (relative, bytes) in job.tree.files {
            // On bytes: a backwards search by Character was most of building the tasks.
            let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/"))
            let owner = try task(for: slash.map { relative[..<$0] } ?? "")
            tasks[owner].files.append((String(slash.map { relative[relative.utf8.index(after: $0)...] } ?? relative[...]), job.path + "/" + relative, bytes))
        }
        // Entries below each folder: children are always numbered after their parent.
        for position in tasks.indices.reversed() {
            tasks[position].weight += tasks[position].folders.count + tasks[position].files.count
            for child in tasks[position].subtasks { tasks[position].weight += tasks[child].weight }
        }
        return tasks
    }

    /// The tasks ready to run, heaviest first, shared by the workers.
    private final class TaskQueue: @unchecked Sendable {
        private var tasks: [Task]
        private var ready: ReadyHeap
        private var running = 0
        private let condition = NSCondition()
        private(set) var failure: Error?

        init(tasks: [Task], ready: [Int]) {
            self.tasks = tasks
            self.ready = ReadyHeap(weights: tasks.map(\.weight))
            for task in ready { self.ready.push(task) }
        }

        /// Runs tasks until none is left or one failed; returns the stamps of the files it wrote.
        func work() -> [(String, FileStamp)] {
            var stamps: [(String, FileStamp)] = []
            while let (index, task) = next() {
                do {
                    for name in task.folders {
                        guard mkdir(task.folder + "/" + name, 0o755) == 0 else {
                            throw OutputError.system("cannot create folder \(task.folder)/\(name)", errno)
                        }
                    }
                    for file in task.files {
                        stamps.append((file.path, try OutputWriter.write(file.bytes, to: task.folder + "/" + file.name)))
                    }
                    finish(index, failure: nil)
                } catch {
                    finish(index, failure: error)
                }
            }
            return stamps
        }

        /// The next task to run; nil once every task ran or one failed.
        private func next() -> (Int, Task)? {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if failure != nil { return nil }
                if let index = ready.pop() {
                    running += 1
                    return (index, tasks[index])
                }
                if running == 0 { return nil }
                condition.wait()
            }
        }

        private func finish(_ index: Int, failure error: Error?) {
            condition.lock()
            running -= 1
            if let error {
                if failure == nil { failure = error }
            } else {
                for subtask in tasks[index].subtasks { ready.push(subtask) }
            }
            condition.broadcast()
            condition.unlock()
        }
    }

    /// A max-heap of task indexes by weight.
    private struct ReadyHeap {
        let weights: [Int]
        private var items: [Int] = []

        init(weights: [Int]) { self.weights = weights }

        mutating func push(_ task: Int) {
            items.append(task)
            var child = items.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard weights[items[child]] > weights[items[parent]] else { break }
                items.swapAt(child, parent)
                child = parent
            }
        }

        mutating func pop() -> Int? {
            guard let top = items.first else { return nil }
            let last = items.removeLast()
            guard !items.isEmpty else { return top }
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var largest = parent
                if left < items.count, weights[items[left]] > weights[items[largest]] { largest = left }
                if right < items.count, weights[items[right]] > weights[items[largest]] { largest = right }
                guard largest != parent else { return top }
                items.swapAt(parent, largest)
                parent = largest
            }
        }
    }
}
