// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// ERC-20 with 6 decimals (like USDC), so amounts in tests read as "units * 10^6".
/// The whole supply goes to the deployer; tests hand it out with plain transfers.
contract DemoToken is ERC20 {
    constructor(uint256 initialSupply) ERC20("Demo Token", "DEMO") {
        _mint(msg.sender, initialSupply);
    }

    function decimals() public pure override returns (uint8) {
        return 6;
    }
}
