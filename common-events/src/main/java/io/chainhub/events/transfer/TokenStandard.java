package io.chainhub.events.transfer;

/** The kinds of value movement the listener captures. */
public enum TokenStandard {
    NATIVE, ERC20, ERC721, ERC1155
}
