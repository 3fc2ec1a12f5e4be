/// Breaks text into lines that fit a width, at spaces, with the font's real advance widths.
/// A word wider than the line is cut between characters. Explicit line breaks are kept.
extension LayoutCanvas {
    func wrap(_ text: String, width: Double, style: FontStyle, size: Double, maxLines: Int = .max) -> [String] {
        if self.width(text, style, size) <= width, !text.utf8.contains(UInt8(ascii: "\n")) { return [text] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(paragraph, width: width, style: style, size: size, into: &lines)
        }
        if lines.count > maxLines {
            lines.removeSubrange(maxLines...)
            if var last = lines.popLast() {
                while !last.isEmpty, self.width(last + "…", style, size) > width { last.removeLast() }
                lines.append(last + "…")
            }
        }
        return lines
    }

    private func wrapParagraph(_ paragraph: Substring, width: Double, style: FontStyle, size: Double, into lines: inout [String]) {
        let spaceWidth = self.width(" ", style, size)
        var line = ""
        var lineWidth = 0.0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = self.width(String(word), style, size)
            if line.isEmpty, wordWidth <= width {
                line = String(word)
                lineWidth = wordWidth
            } else if !line.isEmpty, lineWidth + spaceWidth + wordWidth <= width {
                line += " " + word
                lineWidth += spaceWidth + wordWidth
            } else if wordWidth <= width {
                lines.append(line)
                line = String(word)
                lineWidth = wordWidth
            } else {
                // Too long for any line: cut it where it stops fitting.
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                for character in word {
                    let characterWidth = self.width(String(character), style, size)
                    if lineWidth + characterWidth > width, !line.isEmpty {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(character)
                    lineWidth += characterWidth
                }
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
    }
}
