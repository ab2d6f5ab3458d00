package com.rigsync.apparatus;

import java.util.List;
import java.util.Map;

/**
 * How the department's apparatus stand with Samsara, for the sync status panel.
 *
 * @param linked                    apparatus with a Samsara ID
 * @param synced                    linked apparatus that a sync has written data for
 * @param withoutSamsaraId          apparatus with no Samsara ID, by unit name (every apparatus should have one)
 * @param vehiclesWithoutApparatus  Samsara vehicles (as last listed) that no apparatus links to, by name
 * @param flaggedLinks              links waiting for a person's review, by why, each with its apparatus
 */
public record ApparatusLinks(int apparatus, int linked, int synced, List<UnlinkedApparatus> withoutSamsaraId,
                             List<String> vehiclesWithoutApparatus, Map<LinkFlag, List<FlaggedApparatus>> flaggedLinks) {

    public ApparatusLinks {
        withoutSamsaraId = List.copyOf(withoutSamsaraId);
        vehiclesWithoutApparatus = List.copyOf(vehiclesWithoutApparatus);
        flaggedLinks = Map.copyOf(flaggedLinks);
    }

    public int flaggedLinkCount() {
        return flaggedLinks.values().stream().mapToInt(List::size).sum();
    }

    /** An apparatus whose link waits for review: the panel links to its page, where the link is reviewed. */
    public record FlaggedApparatus(long id, String unitName) {
    }

    /** An apparatus without a Samsara ID: the panel links to its form. */
    public record UnlinkedApparatus(long id, String unitName) {
    }
}
