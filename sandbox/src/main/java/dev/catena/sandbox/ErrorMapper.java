package dev.catena.sandbox;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/** Maps {@link PolyglotException} to {@link ScriptException}, once, at the sandbox boundary. */
final class ErrorMapper {
    private ErrorMapper() {
    }

    static ScriptException map(PolyglotException e, Script script, boolean timedOut, SourceLocation preciseLocation) {
        SourceLocation loc = preciseLocation != null ? preciseLocation : locate(e, script);
        if (timedOut || (e.isCancelled() || e.isInterrupted()) && !e.isResourceExhausted()) {
            return new ScriptException(ScriptException.Kind.TIMEOUT, loc == null ? new SourceLocation(script.name(), 0, 0) : loc,
                    "time limit exceeded: the call was stopped", e);
        }
        if (e.isResourceExhausted()) {
            return new ScriptException(ScriptException.Kind.STATEMENT_LIMIT, loc,
                    "statement limit exceeded (" + e.getMessage() + ")", e);
        }
        if (e.isSyntaxError()) {
            return new ScriptException(ScriptException.Kind.SYNTAX, loc, "syntax error: " + syntaxMessage(e.getMessage(), script), e);
        }
        String message = clean(e.getMessage());
        if (e.isGuestException() && isPythonSyntaxError(e)) {
            return new ScriptException(ScriptException.Kind.SYNTAX, pythonSyntaxLocation(e, script, loc), "syntax error: " + message, e);
        }
        if (isViolation(e, message)) {
            return new ScriptException(ScriptException.Kind.SANDBOX_VIOLATION, loc, "forbidden by the sandbox: " + message, e);
        }
        if (e.isInternalError()) {
            return new ScriptException(ScriptException.Kind.INTERNAL, loc, "internal error: " + message, e);
        }
        if (e.isHostException()) {
            Throwable host = e.asHostException();
            return new ScriptException(ScriptException.Kind.GUEST_ERROR, loc, host.getMessage() == null ? host.toString() : host.getMessage(), e);
        }
        return new ScriptException(ScriptException.Kind.GUEST_ERROR, loc, message, e);
    }

    private static boolean isViolation(PolyglotException e, String message) {
        String m = message == null ? "" : message;
        return m.contains("Operation is not allowed")
                || m.contains("Operation not permitted")
                || m.contains("is not allowed")
                || m.contains("was excluded")
                || m.contains("SecurityException")
                || m.contains("Java is not defined")
                || m.contains("require is not defined")
                || m.contains("Polyglot is not defined")
                || m.contains("host lookup")
                || m.contains("polyglot access");
    }

    private static boolean isPythonSyntaxError(PolyglotException e) {
        String m = e.getMessage();
        return m != null && (m.startsWith("SyntaxError") || m.startsWith("IndentationError") || m.startsWith("TabError"));
    }

    private static SourceLocation pythonSyntaxLocation(PolyglotException e, Script script, SourceLocation fallback) {
        try {
            Value g = e.getGuestObject();
            if (g != null && g.hasMember("lineno")) {
                Value line = g.getMember("lineno");
                Value col = g.getMember("offset");
                int l = line.fitsInInt() ? line.asInt() : 0;
                int c = col != null && col.fitsInInt() ? col.asInt() : 0;
                return shift(script, l, c);
            }
        } catch (RuntimeException ignored) {
            // the guest object may be unusable once the context is gone; fall back to the stack
        }
        return fallback == null ? new SourceLocation(script.name(), 0, 0) : fallback;
    }

    /** First guest frame in the script itself, else the exception's own location. */
    static SourceLocation locate(PolyglotException e, Script script) {
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (f.isGuestFrame() && f.getSourceLocation() != null
                    && script.name().equals(f.getSourceLocation().getSource().getName())) {
                return at(script, f.getSourceLocation());
            }
        }
        SourceSection s = e.getSourceLocation();
        if (s != null && script.name().equals(s.getSource().getName())) {
            return at(script, s);
        }
        return null;
    }

    private static SourceLocation at(Script script, SourceSection s) {
        return s.hasLines() ? shift(script, s.getStartLine(), s.hasColumns() ? s.getStartColumn() : 0)
                : new SourceLocation(script.name(), 0, 0);
    }

    private static SourceLocation shift(Script script, int line, int column) {
        int col = line == 1 && column > 0 ? Math.max(1, column - script.columnOffset()) : column;
        return new SourceLocation(script.name(), line + script.lineOffset(), col);
    }

    /** GraalJS repeats the place and quotes the code; keep the first line, without the place. */
    private static String syntaxMessage(String message, Script script) {
        String first = clean(message).lines().findFirst().orElse("");
        first = first.replaceFirst("^SyntaxError: ", "");
        String place = script.name() + ":";
        if (first.startsWith(place)) {
            int space = first.indexOf(' ');
            first = space < 0 ? first : first.substring(space + 1);
        }
        return first;
    }

    private static String clean(String message) {
        return message == null ? "(no message)" : message.strip();
    }
}
