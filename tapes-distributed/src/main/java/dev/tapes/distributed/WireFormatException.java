package dev.tapes.distributed;

/**
 * A frame that is not a well-formed message of a version we read. Checked on purpose: the
 * receive loop must decide what to do with bad input (count and log it), never let it unwind.
 */
final class WireFormatException extends Exception {

  WireFormatException(String message) {
    super(message);
  }
}
