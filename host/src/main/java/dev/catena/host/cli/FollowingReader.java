package dev.catena.host.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code tail -f} for {@code catena run --follow}: at end of file, waits for more lines until interrupted. */
final class FollowingReader extends BufferedReader {
    private static final long POLL_MILLIS = 50;

    FollowingReader(Path file) throws IOException {
        super(reader(file));
    }

    private static Reader reader(Path file) throws IOException {
        RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r");
        return new InputStreamReader(Channels.newInputStream(raf.getChannel()), StandardCharsets.UTF_8);
    }

    @Override
    public String readLine() throws IOException {
        StringBuilder partial = new StringBuilder();
        while (true) {
            String line = super.readLine();
            if (line != null) {
                partial.append(line);
                return partial.toString();
            }
            try {
                Thread.sleep(POLL_MILLIS);   // a file has no "new data" signal; this is the tail -f poll
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
