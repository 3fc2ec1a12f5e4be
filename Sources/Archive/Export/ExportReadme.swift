import Foundation

/// The README.txt of an export. Every line starting with `  $ ` is a command to run, from the folder the ZIP
/// was unpacked into; the export test runs exactly those lines.
enum ExportReadme {
    static func text(_ content: ExportContent, seals: [Seal], timestamps: [TimestampRecord] = [],
                     hasTSACertificate: Bool = false) -> String {
        var out = """
            Passerelle legal archive export
            ===============================

            Exported at \(content.exportedAt.ISO8601Format()); documents archived from \
            \(content.selection.from.ISO8601Format()) (included) to \(content.selection.to.ISO8601Format()) (excluded); \
            tenant: \(content.selection.tenant ?? "all").
            \(content.rows.count) entries, \(content.documentEntries.count) documents, \(seals.count) seals.

            Contents
            --------
            documents/<sha256>     each document, named by the SHA-256 of its bytes
            SHA256SUMS             the documents' SHA-256, for `sha256sum -c`
            manifest.csv / .json   one row per entry: sequence, time, tenant, invoice, kind, size, sha256, seal, status
            journal.jsonl          the exported entries' journal lines, byte for byte
            seals/seals.jsonl      the seals covering them, byte for byte
            seals/seal-N.msg       the exact bytes seal N signs (its JSON without "signature" and "hash")
            seals/seal-N.sig       seal N's Ed25519 signature, 64 raw bytes
            seals/seal-N.leaves    the hashes of ALL entries seal N covers (one per line): its Merkle leaves
            keys/<keyId>.pem       the public keys that signed the seals (SubjectPublicKeyInfo PEM)
            keys/public-keys.jsonl key id, raw public key (hex) and the time it became valid
            timestamps/seal-N.tst  seal N's RFC 3161 time-stamp token (DER), when the archive uses a TSA
            timestamps/tsa.pem     the certificate of the TSA's CA, to check the tokens

            1. The documents are intact
            ---------------------------
              $ sha256sum -c SHA256SUMS

            2. The seals were signed by the archive's keys
            ----------------------------------------------
            (OpenSSL 3.0 or later; each command prints "Signature Verified Successfully")

            """
        for seal in seals {
            let name = ExportContent.sealName(seal.number)
            out += "  $ openssl pkeyutl -verify -pubin -inkey keys/\(seal.keyID).pem -rawin "
                + "-in seals/\(name).msg -sigfile seals/\(name).sig\n"
        }
        out += """

            3. The entries are those the seals cover
            ----------------------------------------
            An entry's hash is the SHA-256 of its journal line without the final `,"hash":"…"` member:
              sed -n 1p journal.jsonl | sed 's/,"hash":"[0-9a-f]*"}$/}/' | tr -d '\\n' | sha256sum
            It must equal the line's "hash", and appear in the .leaves file of the seal named in the manifest.
            A seal's "root" (inside its .msg) is the Merkle root of its .leaves: pair the leaves left to right,
            parent = SHA-256(left bytes || right bytes) over the 32 raw bytes of each, an odd last node is
            promoted unchanged, until one node remains. `passerelle archive verify-export` does all of this.

            """
        if !timestamps.isEmpty { out += timestampSection(timestamps, hasTSACertificate: hasTSACertificate) }
        return out
    }

    /// Section 4: each token stamps the SHA-256 of its seal line without the `hash` member (the seal's `hash`),
    /// recomputed from seals/seals.jsonl by the command itself, so a changed seal line fails too.
    private static func timestampSection(_ timestamps: [TimestampRecord], hasTSACertificate: Bool) -> String {
        var out = """

            4. The seals existed at the time a time-stamping authority (RFC 3161) certified
            -------------------------------------------------------------------------------
            Each token stamps its seal's hash: the SHA-256 of the seal's line in seals/seals.jsonl without its
            final `,"hash":"…"` member. Each command recomputes that hash and prints "Verification: OK"
            (`openssl ts -reply -in timestamps/seal-N.tst -token_in -text` shows the time).

            """
        if !hasTSACertificate {
            out += "This export has no timestamps/tsa.pem: put the TSA's CA certificate (PEM) there first.\n"
        }
        for record in timestamps {
            let name = ExportContent.sealName(record.sealNumber)
            out += "  $ openssl ts -verify -digest \"$(grep '^{\"seal\":\(record.sealNumber),' seals/seals.jsonl"
                + " | sed 's/,\"hash\":\"[0-9a-f]*\"}$/}/' | tr -d '\\n' | sha256sum | cut -c1-64)\""
                + " -token_in -in timestamps/\(name).tst -CAfile timestamps/tsa.pem\n"
        }
        return out
    }
}
