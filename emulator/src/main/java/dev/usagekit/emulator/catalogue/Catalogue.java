package dev.usagekit.emulator.catalogue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** All accounts the emulator knows, indexed by access key. Immutable; replaced whole when fixtures or seed change. */
public final class Catalogue {

    private final List<Account> accounts;
    private final Map<String, Account> byAccessKey;
    private final Map<String, AccessKey> keys;

    public Catalogue(List<Account> accounts) {
        this.accounts = List.copyOf(accounts);
        Map<String, Account> index = new LinkedHashMap<>();
        Map<String, AccessKey> keyIndex = new LinkedHashMap<>();
        Set<String> accountIds = new HashSet<>();
        for (Account account : accounts) {
            if (!accountIds.add(account.accountId())) {
                throw new IllegalArgumentException("account " + account.accountId() + " appears twice");
            }
            for (AccessKey key : account.accessKeys()) {
                Account owner = index.putIfAbsent(key.accessKeyId(), account);
                if (owner == account) {
                    throw new IllegalArgumentException("access key " + key.accessKeyId() + " appears twice in account "
                            + account.accountId());
                }
                if (owner != null) {
                    throw new IllegalArgumentException("access key " + key.accessKeyId() + " belongs to two accounts, "
                            + owner.accountId() + " and " + account.accountId());
                }
                keyIndex.put(key.accessKeyId(), key);
            }
        }
        this.byAccessKey = Map.copyOf(index);
        this.keys = Map.copyOf(keyIndex);
    }

    public List<Account> accounts() {
        return accounts;
    }

    public Optional<Account> accountByAccessKey(String accessKeyId) {
        return Optional.ofNullable(byAccessKey.get(accessKeyId));
    }

    /** The account with this id, or else the first with this name. */
    public Optional<Account> accountByIdOrName(String idOrName) {
        return accounts.stream().filter(a -> a.accountId().equals(idOrName)).findFirst()
                .or(() -> accounts.stream().filter(a -> a.name().equals(idOrName)).findFirst());
    }

    public Optional<AccessKey> accessKey(String accessKeyId) {
        return Optional.ofNullable(keys.get(accessKeyId));
    }

    /** True when an account other than {@code caller} satisfies the test: the resource exists, just not for the caller. */
    public boolean ownedByAnother(Account caller, Predicate<Account> owns) {
        return accounts.stream().anyMatch(a -> !a.accountId().equals(caller.accountId()) && owns.test(a));
    }
}
