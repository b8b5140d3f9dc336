package dev.catena.bindings.guest;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/** A read-only view of a byte array as numbers 0..255; assigning it elsewhere keeps the bytes. */
final class BytesView implements ProxyArray {
    private final byte[] bytes;

    BytesView(byte[] bytes) {
        this.bytes = bytes;
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public Object get(long index) {
        if (index < 0 || index >= bytes.length) {
            throw new ArrayIndexOutOfBoundsException("index " + index + " out of bounds for length " + bytes.length);
        }
        return bytes[(int) index] & 0xff;
    }

    @Override
    public void set(long index, Value value) {
        throw new UnsupportedOperationException("bytes are read-only; assign a new list of numbers instead");
    }

    @Override
    public long getSize() {
        return bytes.length;
    }
}
