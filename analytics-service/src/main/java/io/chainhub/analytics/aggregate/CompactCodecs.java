package io.chainhub.analytics.aggregate;

import static io.chainhub.analytics.aggregate.CompactSerde.readBig;
import static io.chainhub.analytics.aggregate.CompactSerde.readFinality;
import static io.chainhub.analytics.aggregate.CompactSerde.readInteger;
import static io.chainhub.analytics.aggregate.CompactSerde.readString;
import static io.chainhub.analytics.aggregate.CompactSerde.writeBig;
import static io.chainhub.analytics.aggregate.CompactSerde.writeFinality;
import static io.chainhub.analytics.aggregate.CompactSerde.writeInteger;
import static io.chainhub.analytics.aggregate.CompactSerde.writeString;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Field-by-field binary layouts of the records that the aggregation reads and writes per transfer. */
final class CompactCodecs {

    static final CompactSerde<TransferDelta> TRANSFER_DELTA =
            new CompactSerde<>("TransferDelta", CompactCodecs::writeDelta, CompactCodecs::readDelta);
    static final CompactSerde<TransferLedger> TRANSFER_LEDGER =
            new CompactSerde<>("TransferLedger", CompactCodecs::writeLedger, CompactCodecs::readLedger);
    static final CompactSerde<TokenWindow> TOKEN_WINDOW =
            new CompactSerde<>("TokenWindow", CompactCodecs::writeToken, CompactCodecs::readToken);
    static final CompactSerde<PartyWindow> PARTY_WINDOW =
            new CompactSerde<>("PartyWindow", CompactCodecs::writeParty, CompactCodecs::readParty);
    static final CompactSerde<ChainProgress> PROGRESS =
            new CompactSerde<>("ChainProgress", CompactCodecs::writeProgress, CompactCodecs::readProgress);

    private CompactCodecs() {
    }

    private static void writeDelta(DataOutputStream out, TransferDelta d) throws IOException {
        writeString(out, d.eventId());
        out.writeLong(d.chainId());
        writeString(out, d.token());
        writeString(out, d.symbol());
        writeInteger(out, d.decimals());
        writeString(out, d.from());
        writeString(out, d.to());
        writeBig(out, d.value());
        out.writeByte(d.sign());
        writeFinality(out, d.finality());
        out.writeLong(d.blockNumber());
        out.writeLong(d.blockTimestamp());
        writeString(out, d.txHash());
    }

    private static TransferDelta readDelta(DataInputStream in) throws IOException {
        return new TransferDelta(readString(in), in.readLong(), readString(in), readString(in), readInteger(in),
                readString(in), readString(in), readBig(in), in.readByte(), readFinality(in), in.readLong(),
                in.readLong(), readString(in));
    }

    private static void writeLedger(DataOutputStream out, TransferLedger ledger) throws IOException {
        out.writeByte(ledger.seenIds().size());
        for (long id : ledger.seenIds()) {
            out.writeLong(id);
        }
        writeFinality(out, ledger.appliedAs());
        writeString(out, ledger.appliedBlockHash());
        out.writeLong(ledger.appliedBlockNumber());
        out.writeLong(ledger.appliedBlockTimestamp());
        out.writeLong(ledger.touchedAt());
    }

    private static TransferLedger readLedger(DataInputStream in) throws IOException {
        int seen = in.readUnsignedByte();
        List<Long> ids = new ArrayList<>(seen + 1);
        for (int i = 0; i < seen; i++) {
            ids.add(in.readLong());
        }
        return new TransferLedger(ids, readFinality(in), readString(in), in.readLong(), in.readLong(), in.readLong());
    }

    private static void writeFigures(DataOutputStream out, Figures figures) throws IOException {
        out.writeLong(figures.transfers());
        writeBig(out, figures.volume());
    }

    private static Figures readFigures(DataInputStream in) throws IOException {
        return new Figures(in.readLong(), readBig(in));
    }

    private static void writeUniques(DataOutputStream out, Uniques uniques) throws IOException {
        out.writeLong(uniques.confirmed());
        out.writeLong(uniques.provisional());
        out.writeLong(uniques.total());
    }

    private static Uniques readUniques(DataInputStream in) throws IOException {
        return new Uniques(in.readLong(), in.readLong(), in.readLong());
    }

    private static void writeToken(DataOutputStream out, TokenWindow w) throws IOException {
        writeString(out, w.symbol());
        writeInteger(out, w.decimals());
        writeFigures(out, w.confirmed());
        writeFigures(out, w.provisional());
        out.writeLong(w.lastBlock());
        writeUniques(out, w.senders());
        writeUniques(out, w.receivers());
        out.writeByte(w.largest().size());
        for (LargeTransfer t : w.largest()) {
            writeString(out, t.eventId());
            writeString(out, t.txHash());
            out.writeLong(t.blockNumber());
            out.writeLong(t.blockTimestamp());
            writeString(out, t.from());
            writeString(out, t.to());
            writeBig(out, t.value());
            writeFinality(out, t.finality());
        }
    }

    private static TokenWindow readToken(DataInputStream in) throws IOException {
        String symbol = readString(in);
        Integer decimals = readInteger(in);
        Figures confirmed = readFigures(in);
        Figures provisional = readFigures(in);
        long lastBlock = in.readLong();
        Uniques senders = readUniques(in);
        Uniques receivers = readUniques(in);
        int count = in.readUnsignedByte();
        List<LargeTransfer> largest = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            largest.add(new LargeTransfer(readString(in), readString(in), in.readLong(), in.readLong(),
                    readString(in), readString(in), readBig(in), readFinality(in)));
        }
        return new TokenWindow(symbol, decimals, confirmed, provisional, lastBlock, List.copyOf(largest), senders,
                receivers);
    }

    private static void writeParty(DataOutputStream out, PartyWindow w) throws IOException {
        writeFigures(out, w.confirmed());
        writeFigures(out, w.provisional());
    }

    private static PartyWindow readParty(DataInputStream in) throws IOException {
        return new PartyWindow(readFigures(in), readFigures(in));
    }

    private static void writeProgress(DataOutputStream out, ChainProgress p) throws IOException {
        out.writeLong(p.observedBlock());
        out.writeLong(p.observedTimestamp());
        out.writeLong(p.confirmedBlock());
        out.writeLong(p.confirmedTimestamp());
    }

    private static ChainProgress readProgress(DataInputStream in) throws IOException {
        return new ChainProgress(in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }
}
