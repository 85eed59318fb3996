// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Emits many ERC-20 Transfer events per transaction, so benchmarks can put 100,000 transfers on a
/// dev chain in a few hundred transactions. Balances are not tracked: only the events matter.
contract BulkToken {
    event Transfer(address indexed from, address indexed to, uint256 value);

    string public constant symbol = "BULK";
    uint8 public constant decimals = 18;

    function spray(uint256 count) external {
        for (uint256 i = 0; i < count; i++) {
            emit Transfer(msg.sender, address(uint160(i + 1)), i + 1);
        }
    }
}
