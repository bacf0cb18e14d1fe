package org.footdrop.auth.user;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.footdrop.auth.AuthProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The people who sign in, from configuration: each with one role and a password kept only as a
 * hash (a configured clear password is hashed at start and dropped). Not a {@code UserDetailsService}
 * bean on purpose: Spring Security would build a second, unthrottled way to check passwords from it.
 */
public final class UserAccounts {

    /** The authority prefix of a person's role; the role itself becomes the tokens' scope. */
    public static final String ROLE_PREFIX = "ROLE_";

    private final Map<String, Account> accounts;

    private UserAccounts(Map<String, Account> accounts) {
        this.accounts = Map.copyOf(accounts);
    }

    static UserAccounts from(AuthProperties properties, PasswordEncoder encoder) {
        return new UserAccounts(properties.users().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        user -> new Account(
                                user.getValue().passwordHash() != null
                                        ? user.getValue().passwordHash()
                                        : encoder.encode(user.getValue().password()),
                                user.getValue().role()))));
    }

    /** A fresh copy on every look-up: authenticating erases the password hash of the copy it is given. */
    UserDetailsService userDetailsService() {
        return name -> Optional.ofNullable(accounts.get(name))
                .map(account -> User.withUsername(name)
                        .password(account.passwordHash())
                        .authorities(ROLE_PREFIX + account.role())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** The stored hash of a user's password, for checks that nothing is kept in clear. */
    public Optional<String> passwordHash(String name) {
        return Optional.ofNullable(accounts.get(name)).map(Account::passwordHash);
    }

    public List<String> names() {
        return accounts.keySet().stream().sorted().toList();
    }

    /** The person roles among the authorities of an authenticated person (none for a client). */
    public static List<String> roles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .filter(AuthProperties.USER_ROLES::contains)
                .sorted()
                .toList();
    }

    private record Account(String passwordHash, String role) {}
}
