package com.rigsync.apparatus;

/**
 * One active engine fault code as Samsara reported it, in the words people read on the apparatus page. Any part but
 * the source may be missing: Samsara sends what the vehicle's engine computer gave it.
 *
 * @param code            the code people look up: an OBD-II short code ("P0128"), "SPN 110 FMI 0", an OEM
 *                        identifier, or "DTC 4711" when only an id came
 * @param description     what it means, or null when Samsara sent no description
 * @param spn             J1939 suspect parameter number, or null
 * @param fmi             J1939 failure mode identifier, or null
 * @param state           OBD-II confirmed, pending or permanent; an OEM code's severity; or null
 * @param lamps           the warning lamps this code lights ("Check engine (MIL)"), or null
 * @param occurrenceCount how often the engine computer saw it (J1939), or null
 */
public record ActiveFaultCode(Source source, String code, String description, Long spn, Long fmi, String state,
                              String lamps, Long occurrenceCount) {

    /** Where a code comes from: the light-duty OBD-II bus, the heavy-duty J1939 bus, or the maker's own codes. */
    public enum Source {
        OBD_II("OBD-II"),
        J1939("J1939"),
        OEM("Maker");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
