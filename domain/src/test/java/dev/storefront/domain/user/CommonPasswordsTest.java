package dev.storefront.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    @Test
    void findsEveryListedPasswordInAnyCaseAndNothingBesideThem() {
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            listed.add("secret" + (i * 7919 % 1_000)); // listed out of order
        }
        CommonPasswords common = CommonPasswords.of(listed);

        assertEquals(1_000, common.size());
        for (String password : listed) {
            assertTrue(common.contains(Password.of(password)), password);
            assertTrue(common.contains(Password.of(password.toUpperCase(Locale.ROOT))), password);
            assertFalse(common.contains(Password.of(password + "!")), password + "!");
        }
        assertFalse(common.contains(Password.of("secret")), "a prefix of listed ones");
        assertFalse(common.contains(Password.of("secret1000")));
    }

    @Test
    void duplicatesAndCaseVariantsCountOnce() {
        CommonPasswords common = CommonPasswords.of(List.of("Dragon", "dragon", "DRAGON", "monkey"));
        assertEquals(2, common.size());
        assertTrue(common.contains(Password.of("dRaGoN")));
        assertTrue(common.contains(Password.of("MONKEY")));
    }

    @Test
    void findsPasswordsBeyondAsciiAndThoseAfterThemInTheList() {
        CommonPasswords common = CommonPasswords.of(List.of("contraseña", "пароль123", "zzzz", "Äpfel-passwort", "aaaa"));
        assertTrue(common.contains(Password.of("CONTRASEÑA")));
        assertTrue(common.contains(Password.of("ПАРОЛЬ123")));
        assertTrue(common.contains(Password.of("äpfel-passwort")));
        assertFalse(common.contains(Password.of("contrasena")));
        assertTrue(common.contains(Password.of("zzzz")));
        assertTrue(common.contains(Password.of("aaaa")));
    }

    @Test
    void anEmptyListHoldsNothing() {
        CommonPasswords none = CommonPasswords.of(List.of());
        assertEquals(0, none.size());
        assertFalse(none.contains(Password.of("password")));
    }
}
