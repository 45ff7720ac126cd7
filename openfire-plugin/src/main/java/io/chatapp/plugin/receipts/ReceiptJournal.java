package io.chatapp.plugin.receipts;

import io.chatapp.plugin.receipts.ReceiptRecorder.Kind;
import io.chatapp.plugin.receipts.ReceiptRecorder.Receipt;
import io.chatapp.plugin.storage.ItemJournal;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;

/**
 * A receipt as a record of the receipts' write-ahead journal ({@link ReceiptRecorder} appends each accepted receipt
 * before the interceptor returns, so before Openfire acknowledges the receipt's stanza): its kind, parties,
 * reference and time, the time as recorded, so that a receipt written again at the next start keeps it.
 */
final class ReceiptJournal {

    private static final byte DELIVERED = 1;
    private static final byte DISPLAYED = 2;

    static final ItemJournal.Codec<Receipt> CODEC = new ItemJournal.Codec<>() {
        @Override
        public void write(Receipt receipt, DataOutputStream out) throws IOException {
            out.writeByte(receipt.kind == Kind.DELIVERED ? DELIVERED : DISPLAYED);
            ItemJournal.Codec.writeString(out, receipt.sender);
            ItemJournal.Codec.writeString(out, receipt.recipient);
            ItemJournal.Codec.writeString(out, receipt.archivedTo);
            ItemJournal.Codec.writeString(out, receipt.reference);
            out.writeLong(receipt.at.toEpochMilli());
        }

        @Override
        public Receipt read(DataInputStream in) throws IOException {
            Kind kind = switch (in.readByte()) {
                case DELIVERED -> Kind.DELIVERED;
                case DISPLAYED -> Kind.DISPLAYED;
                default -> throw new IOException("corrupt journal record: no such receipt kind");
            };
            return new Receipt(kind, ItemJournal.Codec.readString(in), ItemJournal.Codec.readString(in),
                    ItemJournal.Codec.readString(in), ItemJournal.Codec.readString(in),
                    Instant.ofEpochMilli(in.readLong()));
        }
    };

    private ReceiptJournal() {
    }
}
