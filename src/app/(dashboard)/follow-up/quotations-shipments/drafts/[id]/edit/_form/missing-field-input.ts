// Which input a missing field points at, so Edit Draft can highlight it and focus the first one.
// Item fields point at the first line item that lacks the value.
export type DraftItem = Record<string, string | number | null>;

export function inputForMissingField(field: string, items: DraftItem[]): string {
  const firstItem = (key: string) => {
    const index = items.findIndex((item) => item[key] === null || item[key] === undefined || item[key] === "");
    return `items.${Math.max(0, index)}.${key}`;
  };
  switch (field) {
    case "recipientName":
      return "recipient.name";
    case "recipientPhone":
      return "recipient.phone";
    case "address":
      return "recipient.address1";
    case "postalCode":
      return "recipient.postalCode";
    case "state":
      return "recipient.provinceCode";
    case "hsCode":
      return firstItem("hsCode");
    case "itemDescription":
      return firstItem("description");
    case "unitValue":
      return firstItem("unitValue");
    case "originCountry":
      return firstItem("originCountry");
    case "weight":
      return "parcel.weightKg";
    case "dimensions":
      return "parcel.lengthCm";
    default:
      return field;
  }
}
