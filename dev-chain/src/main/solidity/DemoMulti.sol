// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";

/// ERC-1155 with open minting, so tests can produce TransferSingle (mint,
/// safeTransferFrom) and TransferBatch (mintBatch, safeBatchTransferFrom) at will.
contract DemoMulti is ERC1155 {
    string public constant name = "Demo Multi";
    string public constant symbol = "DMULTI";

    constructor() ERC1155("https://chainhub.invalid/demo-multi/{id}.json") {}

    function mint(address to, uint256 id, uint256 amount) external {
        _mint(to, id, amount, "");
    }

    function mintBatch(address to, uint256[] calldata ids, uint256[] calldata amounts) external {
        _mintBatch(to, ids, amounts, "");
    }
}
