/// A decoded object stream (`/Type /ObjStm`, ISO 32000-1 §7.5.7): its data, the object numbers it holds and
/// where each starts (relative to `/First`).
struct PDFObjectStreamContents: Sendable {
    let number: Int
    let data: [UInt8]
    let first: Int
    let members: [(number: Int, offset: Int)]

    init(number: Int, dictionary: PDFDictionary, data: [UInt8], limits: PDFLimits) throws(PDFError) {
        guard let count = dictionary["N"]?.integer, count >= 0, let first = dictionary["First"]?.integer, first >= 0 else {
            throw PDFError(.syntax, "the object stream has no valid /N and /First", object: number)
        }
        guard count <= limits.maximumObjectsPerStream else {
            throw PDFError(.limit, "the object stream claims \(count) objects, more than \(limits.maximumObjectsPerStream)", object: number)
        }
        guard first <= data.count else {
            throw PDFError(.syntax, "the object stream's /First \(first) is past its \(data.count) decoded bytes", object: number)
        }
        var parser = PDFParser(bytes: data, limits: limits, objectNumber: number)
        var members: [(number: Int, offset: Int)] = []
        members.reserveCapacity(count)
        for index in 0..<count {
            guard let objectNumber = parser.readUnsignedInteger(), let offset = parser.readUnsignedInteger() else {
                throw PDFError(.syntax, "the header of the object stream is malformed at pair \(index) (decoded offset \(parser.position))", object: number)
            }
            members.append((objectNumber, offset))
        }
        self.number = number
        self.data = data
        self.first = first
        self.members = members
    }

    /// Object `objectNumber`, expected as member `index` (the member list is searched when it is not there).
    func object(_ objectNumber: Int, at index: Int, limits: PDFLimits) throws(PDFError) -> PDFObject {
        var position: Int?
        if index >= 0, index < members.count, members[index].number == objectNumber {
            position = members[index].offset
        } else {
            position = members.first { $0.number == objectNumber }?.offset
        }
        guard let position else {
            throw PDFError(.xref, "object \(objectNumber) is said to be in object stream \(number), which does not hold it", object: objectNumber)
        }
        guard position < data.count, first + position < data.count else {
            throw PDFError(.syntax, "object \(objectNumber) starts past the end of object stream \(number)", object: objectNumber)
        }
        let start = first + position
        var parser = PDFParser(bytes: data, position: start, limits: limits, objectNumber: objectNumber)
        do {
            return try parser.parseObject()
        } catch {
            var inStream = error
            inStream.message += " (at decoded offset \(error.offset ?? start) of object stream \(number))"
            inStream.offset = nil
            throw inStream
        }
    }
}
