package com.rigsync.demo.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import static com.rigsync.demo.simulator.SamsaraJson.list;

/**
 * How the lists page, as Samsara's cursor pagination does: at most the page size (or the client's smaller
 * {@code limit}) items in id order, a cursor to the next page, and the empty pages the fault switch inserts, which
 * still say {@code hasNextPage: true}. Not thread-safe: {@link SimulatedSamsara} calls it under its lock.
 */
final class Pagination {

    /** The largest {@code limit} the vehicles and drivers lists accept. */
    static final int MAX_LIMIT = 512;

    private final int pageSize;
    private final FaultSwitches faults;
    private int emptyPageSerial;

    /** @param pageSize the most items a page holds, whatever larger {@code limit} a client asks for */
    Pagination(int pageSize, FaultSwitches faults) {
        this.pageSize = pageSize;
        this.faults = faults;
    }

    int pageSize() {
        return pageSize;
    }

    /** The page size a list answers with: the client's {@code limit}, at most the simulator's page size. */
    int limit(SimulatedRequest request) {
        String raw = request.queryParam("limit");
        if (raw == null) {
            return pageSize;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return Math.min(limit, pageSize);
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new BadRequest("limit must be a number between 1 and " + MAX_LIMIT + ".");
    }

    /** The empty page that answers instead of the page at {@code position}, or null when the switch wants none. */
    SimulatedResponse emptyPageAt(Cursor position) {
        if (!faults.takeEmptyPage()) {
            return null;
        }
        // a fresh cursor for the same position, so clients that refuse a repeated cursor keep going
        var again = new Cursor(position.kind(), position.since(), position.until(), position.lastId(),
                ++emptyPageSerial);
        return list(List.of(), again.encode(), true);
    }

    /**
     * The page that starts at {@code position}, unless an empty page answers instead: the first {@code limit} items
     * that pass the filter, and the cursor after the last of them when more follow (an empty one when none do).
     *
     * @param items the list's items after the position's last id, in id order
     */
    <T> SimulatedResponse page(Cursor position, int limit, Iterable<T> items, Predicate<? super T> filter,
            Function<? super T, String> id, Function<? super T, Object> json) {
        SimulatedResponse empty = emptyPageAt(position);
        if (empty != null) {
            return empty;
        }
        List<Object> data = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (T item : items) {
            if (!filter.test(item)) {
                continue;
            }
            if (data.size() == limit) {
                more = true;
                break;
            }
            data.add(json.apply(item));
            last = id.apply(item);
        }
        if (faults.takeCursorlessPage()) {
            // legal but unusual: half a page, "more to come", and no way to ask for it
            return list(new ArrayList<>(data.subList(0, Math.max(1, data.size() / 2))), "", true);
        }
        return list(data, more ? position.at(last).encode() : "", more);
    }
}
