import EInvoice
import EInvoiceSyntax
import FacturX
import Foundation

/// The Factur-X figures of `passerelle bench`: creating a 10-line Factur-X PDF/A-3 with our layout, next to
/// reportlab + factur-x (Benchmarks/facturx_python.py) in the same run.
enum BenchFacturX {
    static func run(seconds: Double, python: String) {
        let writer: FacturXWriter
        do {
            writer = try FacturXWriter()
        } catch {
            print("\n(Factur-X skipped: \(error))")
            return
        }
        let invoice = SampleInvoice.make(lineCount: 10)
        let xml = CIIWriter().output(invoice, profile: .en16931).bytes
        var size = 0
        let fromModel = CPUClock.rate(seconds: seconds, batch: 20) {
            for _ in 0..<20 { size = writer.create(invoice: invoice, profile: .en16931).count }
        }
        let fromXML = CPUClock.rate(seconds: seconds, batch: 20) {
            for _ in 0..<20 { size = (try? writer.create(xml: xml))?.count ?? 0 }
        }
        print("")
        print(row("10-line Factur-X PDF/A-3: create (model → CII + PDF)", fromModel) + "  (\(size) bytes)")
        print(row("10-line Factur-X PDF/A-3: create from CII XML", fromXML))

        guard !python.isEmpty, FileManager.default.fileExists(atPath: python) else {
            print("(reportlab + factur-x skipped: no python at \(python); run Benchmarks/setup-python-venv.sh)")
            return
        }
        let path = NSTemporaryDirectory() + "passerelle-bench-facturx-10-lines.xml"
        guard FileManager.default.createFile(atPath: path, contents: Data(xml)) else { return }
        guard let python = pythonRate(python: python, xml: path, seconds: max(seconds, 2)) else { return }
        print(row("reportlab + factur-x (Python), same invoice", python))
        print(String(format: "ratio: Passerelle creates Factur-X PDFs %.0f× as fast", fromModel / python))
    }

    static func row(_ label: String, _ rate: Double) -> String {
        let padded = label.count >= 52 ? label : label + String(repeating: " ", count: 52 - label.count)
        return padded + String(format: "%12.0f invoices/CPU-s", rate)
    }

    private static func pythonRate(python: String, xml: String, seconds: Double) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["Benchmarks/facturx_python.py", "--json", "--xml", xml, "--seconds", String(seconds)]
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
              let rate = document["invoices_per_cpu_second"] as? Double
        else {
            StandardError.write("Benchmarks/facturx_python.py printed no figure:\n\(String(decoding: data, as: UTF8.self))")
            return nil
        }
        return rate
    }
}
