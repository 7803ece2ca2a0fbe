/**
 * Types for the part of `asn1-ber` (the BER codec net-snmp is built on) that the simulator uses.
 * The package ships no declarations; these mirror lib/ber/reader.js and lib/ber/writer.js of 1.2.x.
 */
declare module 'asn1-ber' {
  export namespace Ber {
    /** Reads BER TLVs from a buffer; every read returns null when the buffer is too short. */
    class Reader {
      constructor(data: Buffer);
      /** Byte offset of the next TLV. */
      readonly offset: number;
      /** Content length of the TLV entered or read last. */
      readonly length: number;
      /** Tag of the next TLV without consuming it. */
      peek(): number | null;
      /** Enters a constructed TLV (SEQUENCE or PDU) and returns its tag. */
      readSequence(tag?: number): number | null;
      readInt(tag?: number): number | null;
      readString(tag: number, retbuf: true): Buffer | null;
      readOID(tag?: number): string | null;
    }
    /** Writes BER TLVs into a growing buffer. */
    class Writer {
      constructor();
      /** The encoded bytes; throws while a sequence is still open. */
      readonly buffer: Buffer;
      writeByte(b: number): void;
      /** Two's-complement INTEGER with the given tag (also right for unsigned 32-bit values). */
      writeInt(i: number, tag?: number): void;
      writeNull(): void;
      /** With a tag: tag, length, then the bytes. Without: the bytes as they are (already a TLV). */
      writeBuffer(buf: Buffer, tag?: number): void;
      writeOID(s: string, tag?: number): void;
      startSequence(tag?: number): void;
      endSequence(): void;
    }
  }
}
