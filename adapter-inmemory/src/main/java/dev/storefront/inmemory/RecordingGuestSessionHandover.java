package dev.storefront.inmemory;

import dev.storefront.domain.port.out.GuestSessionHandover;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;

/** Remembers every guest-to-user handover, for tests. */
public final class RecordingGuestSessionHandover implements GuestSessionHandover {
    public record Handover(SessionHandle guestSession, SessionHandle userSession, UserId user) {}

    private final List<Handover> handovers = new ArrayList<>();

    @Override
    public synchronized void guestLoggedIn(SessionHandle guestSession, SessionHandle userSession, UserId user) {
        handovers.add(new Handover(guestSession, userSession, user));
    }

    public synchronized List<Handover> handovers() {
        return List.copyOf(handovers);
    }
}
