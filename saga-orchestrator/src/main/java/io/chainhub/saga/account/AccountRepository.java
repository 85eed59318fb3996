package io.chainhub.saga.account;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AccountRepository extends Repository<Account, UUID> {

    @Query("""
            select new io.chainhub.saga.account.AccountView(a.id, a.owner, a.chainId, a.address, a.asset,
                a.decimals, coalesce(sum(case when j.direction = io.chainhub.saga.account.Direction.CREDIT
                    then j.amount else -j.amount end), 0))
            from Account a left join JournalEntry j on j.accountId = a.id
            group by a.id, a.owner, a.chainId, a.address, a.asset, a.decimals, a.createdAt
            order by a.createdAt""")
    List<AccountView> findAllWithBalances();
}
