package dev.tapes.distributed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A hostile ZMTP 3.x peer on a plain {@link Socket}: it writes whatever bytes a test forges (a
 * greeting, commands, frame headers with any size) and reads what the aggregator answers, so
 * tests can attack the aggregator's port as an unauthenticated client would.
 *
 * @see <a href="https://rfc.zeromq.org/spec/23/">ZMTP 3.0</a>
 * @see <a href="https://rfc.zeromq.org/spec/37/">ZMTP 3.1</a>
 */
final class ZmtpPeer implements AutoCloseable {

  static final int GREETING_BYTES = 64;
  static final int MORE = 0x01;
  static final int LONG = 0x02;
  static final int COMMAND = 0x04;

  private final Socket socket;

  private ZmtpPeer(Socket socket) {
    this.socket = socket;
  }

  /** Connects to {@code tcp://host:port}. */
  static ZmtpPeer connect(String endpoint) {
    URI uri = URI.create(endpoint);
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
      socket.setSoTimeout(5_000);
      return new ZmtpPeer(socket);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to " + endpoint, e);
    }
  }

  /** The peer that connected to {@code server}: this side then plays the server's part. */
  static ZmtpPeer accept(java.net.ServerSocket server) {
    try {
      server.setSoTimeout(10_000);
      Socket socket = server.accept();
      socket.setSoTimeout(5_000);
      return new ZmtpPeer(socket);
    } catch (IOException e) {
      throw new UncheckedIOException("no peer connected to " + server, e);
    }
  }

  /**
   * A ZMTP 3.x greeting: signature {@code FF 00*8 7F}, version 3.{@code minor}, the mechanism
   * padded to 20 bytes, as-server 0, filler.
   */
  static byte[] greeting(int minor, String mechanism) {
    byte[] greeting = new byte[GREETING_BYTES];
    greeting[0] = (byte) 0xFF;
    greeting[9] = 0x7F;
    greeting[10] = 3;
    greeting[11] = (byte) minor;
    byte[] name = mechanism.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(name, 0, greeting, 12, Math.min(20, name.length));
    return greeting;
  }

  /** The NULL mechanism's READY command of a PUSH socket, as one short command frame. */
  static byte[] ready() {
    return ready("PUSH");
  }

  /** A READY command announcing a socket of {@code socketType}. */
  static byte[] ready(String socketType) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(5);
    body.writeBytes("READY".getBytes(StandardCharsets.US_ASCII));
    body.write(11);
    body.writeBytes("Socket-Type".getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(new byte[] {0, 0, 0, (byte) socketType.length()});
    body.writeBytes(socketType.getBytes(StandardCharsets.US_ASCII));
    return shortFrame(COMMAND, body.toByteArray());
  }

  /** A frame with a one-byte size; {@code body} must be at most 255 bytes. */
  static byte[] shortFrame(int flags, byte[] body) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(flags & ~LONG);
    frame.write(body.length);
    frame.writeBytes(body);
    return frame.toByteArray();
  }

  /** The header of a long frame: flags with the long bit, then any 8-byte size. */
  static byte[] longFrameHeader(int flags, long size) {
    return ByteBuffer.allocate(9).put((byte) (flags | LONG)).putLong(size).array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }

  /** Writes {@code bytes}; false if the aggregator has closed the connection already. */
  boolean send(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  /** Reads exactly {@code count} bytes, or fewer if the connection ends first. */
  byte[] read(int count) {
    try {
      return socket.getInputStream().readNBytes(count);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /**
   * Completes the NULL handshake the way JeroMQ's own peers pace it: greeting, the aggregator's
   * greeting, READY, the aggregator's READY. Returns false if the aggregator hung up.
   */
  boolean handshakeNull(int minor) {
    send(greeting(minor, "NULL"));
    if (read(GREETING_BYTES).length < GREETING_BYTES) {
      return false;
    }
    send(ready());
    byte[] header = read(2);
    return header.length == 2 && read(header[1] & 0xFF).length == (header[1] & 0xFF);
  }

  /**
   * Whether the aggregator closes this connection within {@code deadline}: reads (and drops)
   * whatever it still sends until the end of the stream or a reset.
   */
  boolean closedWithin(Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    byte[] sink = new byte[4096];
    try {
      InputStream in = socket.getInputStream();
      while (System.nanoTime() - end < 0) {
        long leftMillis = (end - System.nanoTime()) / 1_000_000;
        socket.setSoTimeout((int) Math.max(1, Math.min(200, leftMillis)));
        try {
          if (in.read(sink) < 0) {
            return true;
          }
        } catch (SocketTimeoutException stillOpen) {
          // Keep waiting until the deadline.
        }
      }
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a test's socket: nothing to do about it.
    }
  }
}
