package dev.storefront.persistence.jdbi;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/** The actions a transaction runs once it has committed, in the order they were registered. */
public final class AfterCommitActions {
    private static final System.Logger LOG = System.getLogger(AfterCommitActions.class.getName());

    private List<Runnable> actions;

    public void add(Runnable action) {
        if (actions == null) {
            actions = new ArrayList<>(2);
        }
        actions.add(action);
    }

    /**
     * Runs them all. The transaction is committed: its caller must not see an action fail, and the
     * other actions (of a batch's other transactions, too) must still run.
     */
    public void run() {
        if (actions == null) {
            return;
        }
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "an after-commit action failed", e);
            }
        }
    }
}
