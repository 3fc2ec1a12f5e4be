import FacturX
import Foundation

/// `passerelle bench`: reading the invoice XML out of the corpus PDFs, next to the PyPI factur-x library's
/// `get_xml_from_pdf` (Benchmarks/pdf_extract_python.py) on the same files, in PDFs per CPU-second.
enum PDFExtractBench {
    static func run(corpus: String, seconds: Double, python: String) {
        let folder = corpus + "/zugferd/ZUGFeRDv2/correct"
        var paths: [String] = []
        if let walker = FileManager.default.enumerator(atPath: folder) {
            while let path = walker.nextObject() as? String {
                if path.lowercased().hasSuffix(".pdf") { paths.append(folder + "/" + path) }
            }
        }
        paths.sort()
        let documents = paths.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
        guard !documents.isEmpty else {
            print("\n(PDF extraction skipped: no PDFs under \(folder))")
            return
        }
        let small = documents.filter { ((try? FacturXReader.extract(pdf: $0))?.xml.count ?? .max) < 100_000 }
        let all = CPUClock.rate(seconds: seconds, batch: documents.count) {
            for pdf in documents { _ = try? FacturXReader.extract(pdf: pdf) }
        }
        let perFile = documents.map { pdf in CPUClock.rate(seconds: seconds / 10, batch: 1) { _ = try? FacturXReader.extract(pdf: pdf) } }
        let median = perFile.sorted()[perFile.count / 2]
        let smallRate = CPUClock.rate(seconds: seconds, batch: small.count) {
            for pdf in small { _ = try? FacturXReader.extract(pdf: pdf) }
        }
        // The floor: inflating the XML stream alone (zlib), with the PDF already opened and the attachment found.
        let opened: [(PDFDocument, EmbeddedFile)] = documents.compactMap { pdf in
            guard var document = try? PDFDocument(bytes: pdf), let catalog = try? document.catalog().dictionary,
                  let file = (try? document.embeddedFiles(catalog: catalog))?.first(where: { $0.name.lowercased().hasSuffix(".xml") })
            else { return nil }
            return (document, file)
        }
        let inflateOnly = CPUClock.rate(seconds: seconds, batch: opened.count) {
            for (document, file) in opened {
                var copy = document
                _ = try? copy.contents(of: file)
            }
        }
        let bytes = documents.reduce(0) { $0 + $1.count }
        print("\nFactur-X PDF extraction: \(documents.count) corpus PDFs (\(bytes / 1024) KB), \(small.count) with XML under 100 KB")
        print(row("Passerelle: all PDFs in turn", all))
        print(row("Passerelle: median file", median))
        print(row("Passerelle: PDFs with XML under 100 KB", smallRate))
        print(row("(floor: zlib inflating the XML alone, all PDFs)", inflateOnly))
        guard !python.isEmpty, FileManager.default.fileExists(atPath: python),
              let official = pythonFigures(python: python, files: paths, seconds: seconds) else {
            print("(factur-x get_xml_from_pdf skipped: no python with factur-x at \(python))")
            return
        }
        print(row("factur-x get_xml_from_pdf: all PDFs in turn", official.all))
        print(row("factur-x get_xml_from_pdf: median file", official.median))
        print(row("factur-x get_xml_from_pdf: XML under 100 KB", official.small))
        print(String(format: "ratio: Passerelle extracts %.0f× faster (all), %.0f× (median file)", all / official.all, median / official.median))
    }

    static func row(_ label: String, _ rate: Double) -> String {
        let padded = label.count >= 52 ? label : label + String(repeating: " ", count: 52 - label.count)
        return padded + String(format: "%12.0f PDFs/CPU-s", rate)
    }

    static func pythonFigures(python: String, files: [String], seconds: Double) -> (all: Double, median: Double, small: Double)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["Benchmarks/pdf_extract_python.py", "--json", "--seconds", String(seconds)] + files
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
        guard let figures = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let all = figures["all"] as? Double, let median = figures["median_file"] as? Double, let small = figures["small_xml"] as? Double
        else {
            StandardError.write("the factur-x benchmark printed no figure:\n\(String(decoding: data, as: UTF8.self))")
            return nil
        }
        return (all, median, small)
    }
}
