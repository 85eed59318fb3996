// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/// ERC-721 whose mint is open to anyone: a dev chain needs no access control,
/// and the caller chooses the id so tests can assert on it.
contract DemoNft is ERC721 {
    constructor() ERC721("Demo NFT", "DNFT") {}

    function mint(address to, uint256 tokenId) external {
        _safeMint(to, tokenId);
    }
}
