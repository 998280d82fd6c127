package vn.vnn.household.dci;

import vn.vnn.kit.security.AreaScope;

import java.util.Set;

/**
 * On whose behalf a DCI request runs: the client, the areas and purposes its token granted, whether it is an admin.
 * Kept with an asynchronous request, so that the answer made later is the one the caller could have had then.
 */
public record Reach(String client, AreaScope scope, Set<String> purposes, boolean admin) {

    public boolean grants(String purpose) {
        return admin || purposes.contains(purpose);
    }
}
