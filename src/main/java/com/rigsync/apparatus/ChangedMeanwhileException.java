package com.rigsync.apparatus;

/** Someone else saved the apparatus after this editor opened it; nothing was overwritten. */
public class ChangedMeanwhileException extends RuntimeException {

    private final String changedBy;

    public ChangedMeanwhileException(String unitName, String changedBy) {
        super(unitName + " was changed by " + changedBy + " meanwhile. Nothing of yours was saved; the form now "
                + "shows their version, make your change again if it is still needed.");
        this.changedBy = changedBy;
    }

    public String changedBy() {
        return changedBy;
    }
}
