package wire

// This file is not copied into generated packages. It exports what errgen
// itself needs to render documentation with the generated packages' own
// encoder.

// AppendEnvelope appends the HTTP error body with the given message, as a
// generated package's appendError does, for errgen's documentation.
func AppendEnvelope(dst []byte, codePrefix string, code int, messagePrefix, message string) []byte {
	dst = appendEnvelopeHead(dst, codePrefix, code, messagePrefix)
	start := len(dst)
	return append(closeJSONString(append(dst, message...), start), '}')
}

// AppendStringObject is appendStringObject, for errgen's documentation.
func AppendStringObject(dst []byte, prefix, value string) []byte {
	return appendStringObject(dst, prefix, value)
}

// AppendJSONString is appendJSONString, for errgen's generators.
func AppendJSONString(dst []byte, s string) []byte { return appendJSONString(dst, s) }
